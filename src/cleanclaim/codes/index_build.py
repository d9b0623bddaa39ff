"""Build the :class:`~cleanclaim.codes.search.SearchIndex` of one release.

HCPCS Level II (and CPT) descriptions name the item first and qualify it after a comma
("Walker, folding, wheeled, adjustable or fixed height"; "Cane, quad or three prong,
..."): that head is indexed as a text of its own, so a query of just the item's name
matches it exactly and outranks codes that only mention the item ("Seat attachment,
walker"). Abbreviations the descriptions spell out in parentheses ("continuous positive
airway pressure (cpap) device", "transcutaneous electrical nerve stimulation (tens)")
are collected, so the abbreviation finds every code written with the long words
("Full face mask used with positive airway pressure device").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from .icd10cm import IcdTabular
from .search import STOP, Doc, SearchIndex, stem, tokens

if TYPE_CHECKING:
    from .store import Store

__all__ = ["build_index"]

_VAGUE_TITLE = ("unspecified", "not specified", " nos", "without complication", "uncomplicated")


def _is_unspecified(text: str) -> bool:
    low = text.lower()
    return any(v in low for v in _VAGUE_TITLE)


def _defaults(tab: IcdTabular, docs: list[Doc]) -> None:
    """Point each header at the leaf a coder takes when nothing more is said: the
    shallowest descendant titled "unspecified" or "without complications"."""
    ids = {d.code: i for i, d in enumerate(docs)}
    for i, d in enumerate(docs):
        node = tab.nodes[d.code]
        if not node.children:
            continue
        level = list(node.children)
        pick = None
        while level and pick is None:
            for words in ("without complications", "unspecified"):
                for c in level:
                    if not tab.nodes[c].children and words in tab.nodes[c].desc.lower():
                        pick = c
                        break
                if pick is not None:
                    break
            level = [g for c in level for g in tab.nodes[c].children]
        if pick is not None:
            docs[i] = replace(d, default=ids[pick])


_PAREN_RE = re.compile(r"\(([a-z]{2,6})\)")
_RAW_WORD_RE = re.compile(r"[a-z0-9]+")
_HEAD_SYSTEMS = ("hcpcs", "cpt")


def _head_of(description: str) -> str:
    """The words before the first comma or semicolon ("Walker, folding, ..." -> "Walker"),
    without a parenthesised aside; "" when the description has no such head."""
    parts = re.split(r"[,;]", description, maxsplit=1)
    if len(parts) == 1:
        return ""
    head = re.sub(r"\([^)]*\)", " ", parts[0]).strip()
    if head == description.strip() or not any(t not in STOP for t in tokens(head)):
        return ""
    return head


def _abbreviations_in(description: str) -> list[tuple[str, tuple[str, ...]]]:
    """``(abbr)`` written right after the words whose initials spell it:
    "continuous positive airway pressure (cpap)" -> ("cpap", (continuous, positive,
    airway, pressure)). Stop words inside the spelled-out words are skipped for the
    initials; an aside whose letters are not those initials ("(pickup)") is no abbreviation.
    """
    low = description.lower()
    found: list[tuple[str, tuple[str, ...]]] = []
    for m in _PAREN_RE.finditer(low):
        abbr = m.group(1)
        before = _RAW_WORD_RE.findall(re.split(r"[,;(]", low[: m.start()])[-1])
        content = [w for w in before if w not in STOP]
        n = len(abbr)
        if len(content) >= n and "".join(w[0] for w in content[-n:]) == abbr:
            found.append((stem(abbr), tuple(stem(w) for w in content[-n:])))
    return found


def build_index(store: Store, system: str, release: str) -> SearchIndex:
    docs: list[Doc] = []
    texts: list[tuple[int, str]] = []
    if system == "icd10cm":
        tab = store.icd_release(release)
        for code, node in tab.nodes.items():
            billable = tab.billable(code)
            leaf = not node.children
            doc_id = len(docs)
            other = node.desc.lower().startswith("other")
            docs.append(
                Doc(
                    "icd10cm",
                    code,
                    node.desc,
                    billable,
                    leaf,
                    _is_unspecified(node.desc),
                    other=other,
                )
            )
            texts.append((doc_id, node.desc))
            for note in node.notes:
                if note.kind in ("inclusion", "includes"):
                    texts.append((doc_id, note.text))
        _defaults(tab, docs)
        return SearchIndex(docs, texts)
    rel = next(r for r in store.releases(system) if r.release == release)
    seen: dict[str, Counter[tuple[str, ...]]] = {}
    for row in store.codes_of(rel).values():
        doc_id = len(docs)
        desc = row.long or row.short
        if system == "taxonomy":  # definitions are essays: search the classification only
            desc = row.short
        specific = row.billable is not False
        docs.append(
            Doc(
                system,
                row.code,
                desc,
                row.billable,
                specific,
                _is_unspecified(desc),
                row.effective,
                row.end,
            )
        )
        texts.append((doc_id, desc))
        if row.short and row.short != desc:
            texts.append((doc_id, row.short))
        if system in _HEAD_SYSTEMS:
            head = _head_of(desc)
            if head:
                texts.append((doc_id, head))
            for abbr, words in _abbreviations_in(desc):
                seen.setdefault(abbr, Counter())[words] += 1
    abbreviations = {a: c.most_common(1)[0][0] for a, c in seen.items()}
    return SearchIndex(docs, texts, abbreviations)
