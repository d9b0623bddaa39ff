"""cleanclaim.sandbox -- the sandbox clearinghouse (plain Python, no Django).

It plays the parties cleanclaim cannot reach: a clearinghouse and its payers. It runs a
real SFTP server and a real CAQH CORE HTTP endpoint on loopback and answers what it
receives from the claim's own content (issue 14). See docs/sandbox.md.

Public surface (the adjudicator)::

    from cleanclaim.sandbox import Adjudicator, OutFile, World, WorldError

* :mod:`.world` -- :class:`World` (payers, members, benefits, authorizations, NPIs)
  read from the JSON the demo writes;
* :mod:`.adjudicator` -- :class:`Adjudicator`: ``receive`` (TA1 or 999, 277CA per set,
  835 per payer), ``answer_270``, ``answer_276``, ``answer_278``;
* internals: ``_remit`` (the 835 math), ``_realtime`` (271/277/278), ``_envelope``
  (ISA/GS and TA1), ``_state`` (what survives a restart).
"""

from __future__ import annotations

from .adjudicator import Adjudicator, OutFile
from .world import World, WorldError

__all__ = ["Adjudicator", "OutFile", "World", "WorldError"]
