"""Build the :class:`~cleanclaim.codes.search.SearchIndex` of one release."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .icd10cm import IcdTabular
from .search import Doc, SearchIndex

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
    return SearchIndex(docs, texts)
