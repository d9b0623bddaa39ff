"""cleanclaim.caqhcore -- the CAQH CORE connectivity envelope and client (plain Python).

Real-time X12 (270/271, 276/277, 278) over HTTPS in the CORE connectivity rule's
envelope, in its MIME multipart and SOAP forms (issue 14).
"""
