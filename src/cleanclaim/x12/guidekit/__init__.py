"""Shared machinery of the guide packages: a guide as data, a loop tree, checks.

Each guide package (``x222a1_837p``, ``x231a1_999``, ``x221a1_835``,
``x279a1_270_271``, ``x212_276_277``, ``x214_277ca``, ``x217_278``) keeps its
implementation guide as data: pyx12's guide map, read from the installed ``pyx12``
package the first time the guide is used in a process, plus our documented
corrections (``patches_*.json`` in the package; nothing generated from the maps is
committed, decision 0404). It uses:

* :mod:`.spec` -- the guide's loops, segments and elements as frozen dataclasses
  (:func:`.spec.load_spec`: a map's tree with the patches applied, loaded once);
* :mod:`.from_pyx12` -- turns a pyx12 map (and ``codes.xml``, the external code
  lists) into that tree at run time; also a command to look at what a map gives;
* :mod:`.tree` -- placing a transaction's segments in the guide's loop tree
  (tolerant: unknown segments are kept where they were, so writing gives back
  the same segments);
* :mod:`.reading` -- ST/SE handling around the tree and the shared checks;
* :mod:`.validate` (structure), :mod:`.elements` (element checks, external code
  lists) and :mod:`.context` -- findings as the core's
  :class:`~cleanclaim.x12._errors.Finding` with 999 IK304/IK403 codes;
* :mod:`.hl` -- the HL parent/child rule;
* :mod:`.read` -- the segments several guides' views read (HL, NM1, REF, DTP...),
  as plain dataclasses read from the placed tree;
* :mod:`.values` -- writing X12 numbers, and JSON input helpers (amounts parsed by
  :mod:`cleanclaim.money`).

The plain placement and structure walk the fast ones replaced are kept in the
tests (``tests/x12_guides/guidekit_reference.py``), which compare the two.
"""
