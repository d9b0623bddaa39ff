"""cleanclaim.sandbox -- the sandbox clearinghouse (plain Python, no Django).

It plays the parties cleanclaim cannot reach: a clearinghouse and its payers. It runs a
real SFTP server and a real CAQH CORE HTTP endpoint on loopback and answers what it
receives from the claim's own content (issue 14). See docs/sandbox.md.
"""
