"""Code search: an inverted index over titles, inclusion terms and a synonym table.

How a query is answered (docs/codes.md, "Search"):

1. **Code shape** (``E11.9``, ``e119``, ``S93.4``, ``99213``, ``G04``): prefix match over the
   codes of every searched system (ICD-10-CM with or without the dot; a full 7-character
   ICD-10-CM code is resolved through the 7th-character rules).
2. **Words**: the query is lower-cased, split into words, lightly stemmed, stop words
   dropped. Each word becomes a *concept* whose alternatives are the word itself, any
   vocabulary word one edit away when the word is unknown (deletion neighbourhoods, so
   ``pnuemonia`` finds ``pneumonia``), and words it prefixes when it is the last word
   (type-ahead). Further readings replace lay phrases and abbreviations by the
   clinical words of :file:`data/synonyms.txt` (``heart attack`` -> ``myocardial
   infarction``; a phrase with several readings branches); each text keeps its best.
3. **Texts**: every code is indexed by its title and (ICD-10-CM) its inclusion terms and
   "includes" notes; a text scores ``10 * coverage`` (IDF-weighted share of the query
   concepts it contains) ``+ 3 * precision`` (share of the text's own content words the
   query matched: short exact titles beat long ones), plus small bonuses for a billable
   (or leaf awaiting its 7th character) code, an exact phrase and an "unspecified" title
   (a lay query rarely says more). A code's score is that of its best text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import heapq
import math
import os
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .model import SYSTEMS, SearchHit, normalize_icd10cm

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "KINDS",
    "STOP",
    "Doc",
    "SearchIndex",
    "coverage_warnings",
    "kind_of",
    "search_grouped",
    "search_store",
    "stem",
    "tokens",
]

#: What the user is coding -> the systems searched for it. A claim's diagnosis field
#: takes ICD-10-CM; its procedure field CPT and HCPCS Level II (which includes equipment
#: and supplies); the modifier field modifiers; "other" is the remittance and reference
#: lists (place of service, adjustment reasons, remarks, claim status, taxonomy).
KINDS: dict[str, tuple[str, ...]] = {
    "diagnosis": ("icd10cm",),
    "procedure": ("cpt", "hcpcs"),
    "modifier": ("modifier",),
    "other": tuple(s for s in SYSTEMS if s not in ("icd10cm", "cpt", "hcpcs", "modifier")),
}

_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "and",
        "or",
        "to",
        "for",
        "my",
        "i",
        "is",
        "are",
        "was",
        "have",
        "has",
        "had",
        "got",
        "his",
        "her",
        "their",
        "without",
        "at",
        "from",
        "by",
        "as",
        "with",
        "into",
        "onto",
        "due",
        "this",
        "that",
        "it",
        "be",
        "being",
        "been",
        "patient",
        "pt",
        "s",
    ]
)
# words that say "nothing more specific": not counted against a title's precision
VAGUE = frozenset(
    [
        "unspecified",
        "nos",
        "nec",
        "other",
        "not",
        "specified",
        "site",
        "elsewhere",
        "classified",
        "organism",
    ]
)
_CODE_RE = re.compile(r"^[A-Za-z]?[0-9][0-9A-Za-z.]*$|^[A-Za-z][0-9][0-9A-Za-z]?[.0-9A-Za-z]*$")


def stem(word: str) -> str:
    """A deliberately light stemmer: possessives and plurals."""
    w = word.replace("'s", "").replace("'", "")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def tokens(text: str) -> list[str]:
    """Lower-cased, stemmed words of ``text`` (stop words kept; callers filter)."""
    return [stem(w) for w in _WORD_RE.findall(text.lower())]


@lru_cache(maxsize=1)
def synonyms() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(lay words, clinical words) pairs from data/synonyms.txt, longest lay phrase first."""
    raw = (resources.files("cleanclaim.codes") / "data" / "synonyms.txt").read_text("utf-8")
    pairs = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lay, _, rest = line.partition("\t")
        clinical = rest.partition("\t")[0]  # a third column is the source
        key = tuple(t for t in tokens(lay) if t not in STOP) or tuple(tokens(lay))
        pairs.append((key, tuple(t for t in tokens(clinical) if t not in STOP)))
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple(pairs)


@lru_cache(maxsize=1)
def _synonyms_by_first_word() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    table: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for lay, clinical in synonyms():  # longest first, kept in that order per first word
        if lay:
            table.setdefault(lay[0], []).append((lay, clinical))
    return table


_UNIT = 1_000_000.0  # far above any sum of IDF weights (a few dozen at most)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True, slots=True)
class Doc:
    """One searchable code."""

    system: str
    code: str
    description: str
    billable: bool | None
    specific: bool  # billable, or a leaf that only needs its 7th character
    unspecified: bool
    effective: dt.date | None = None
    end: dt.date | None = None
    other: bool = False  # "Other ..." residual title
    default: int | None = None  # for a header: its "unspecified"/"without complications" leaf

    def valid_on(self, day: dt.date) -> bool:
        return (self.effective is None or self.effective <= day) and (
            self.end is None or day <= self.end
        )


class SearchIndex:
    """The index of one release of one system (or any list of docs)."""

    def __init__(
        self,
        docs: list[Doc],
        texts: Iterable[tuple[int, str]],
        abbreviations: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.docs = docs
        #: abbreviation (stemmed) -> the words it stands for, as the texts themselves
        #: spell them out ("continuous positive airway pressure (CPAP)")
        self.abbreviations = dict(abbreviations or {})
        self.text_doc: list[int] = []
        self.text_len: list[int] = []
        self.text_norm: list[str] = []
        postings: dict[str, list[int]] = {}
        for doc_id, text in texts:
            tid = len(self.text_doc)
            toks = [t for t in tokens(text) if t not in STOP]
            content = {t for t in toks if t not in VAGUE}
            self.text_doc.append(doc_id)
            self.text_len.append(max(1, len(content)))
            self.text_norm.append(" " + " ".join(toks) + " ")
            for t in set(toks):
                postings.setdefault(t, []).append(tid)
        self.postings = postings
        n = max(1, len(self.text_doc))
        self.idf = {t: math.log(1 + n / len(p)) for t, p in postings.items()}
        self.vocab = sorted(postings)
        self.deletes: dict[str, list[str]] = {}
        for w in self.vocab:
            if len(w) >= 4 and not w.isdigit():
                for d in _deletes(w):
                    self.deletes.setdefault(d, []).append(w)
        self.codes = sorted((d.code.replace(".", "").upper(), i) for i, d in enumerate(docs))
        self.dated = {i for i, d in enumerate(docs) if d.effective is not None or d.end is not None}
        self.defaults = {i: d.default for i, d in enumerate(docs) if d.default is not None}
        self.bonus = [
            (1.0 if d.specific else 0.0)
            + (0.4 if d.unspecified else 0.0)
            - (0.6 if d.other else 0.0)
            for d in docs
        ]

    # -- vocabulary ------------------------------------------------------------------------
    def fuzzy(self, word: str) -> list[str]:
        """Vocabulary words one edit (insert, delete, substitute, swap) from ``word``."""
        if len(word) < 4 or word.isdigit():
            return []
        found: set[str] = set(self.deletes.get(word, ()))  # word has one extra letter
        for d in _deletes(word):
            if d in self.postings:
                found.add(d)  # word lacks one letter
            found.update(self.deletes.get(d, ()))  # substitution or swap
        found.discard(word)
        return sorted(found, key=lambda w: -len(self.postings[w]))[:3]

    def prefixed(self, word: str, limit: int = 30) -> list[str]:
        if len(word) < 3:
            return []
        i = bisect.bisect_left(self.vocab, word)
        out: list[str] = []
        while i < len(self.vocab) and self.vocab[i].startswith(word) and len(out) < limit:
            if self.vocab[i] != word:
                out.append(self.vocab[i])
            i += 1
        return out

    def concepts(self, words: list[str], *, last_is_prefix: bool) -> list[dict[str, float]]:
        out: list[dict[str, float]] = []
        for i, w in enumerate(words):
            alts: dict[str, float] = {}
            if w in self.postings:
                alts[w] = 1.0
            if last_is_prefix and i == len(words) - 1:
                for p in self.prefixed(w):
                    alts.setdefault(p, 0.9)
            if not alts:
                for f in self.fuzzy(w):
                    alts[f] = 0.8
            out.append(alts)
        return out

    def abbreviation_readings(self, words: list[str]) -> list[list[str]]:
        """The query with each abbreviation the texts define replaced by its words."""
        if not self.abbreviations or not any(w in self.abbreviations for w in words):
            return []
        out: list[str] = []
        for w in words:
            out.extend(self.abbreviations.get(w, (w,)))
        return [out]

    # -- scoring ---------------------------------------------------------------------------
    def score_words(
        self,
        words: list[str],
        phrase: str,
        as_of: dt.date | None,
        *,
        prefix: bool,
        reading: bool = False,
    ) -> dict[int, float]:
        concepts = self.concepts(words, last_is_prefix=prefix)
        if reading and not all(concepts):
            # a synonym reading speaks this system's words or does not apply here: the
            # clinical words of an ICD-10-CM reading must not leave the rest of the query
            # to match any HCPCS text that says "test" or "visit"
            return {}
        weights = [max((self.idf.get(a, 0.0) for a in c), default=0.0) or 1.0 for c in concepts]
        total = sum(weights) or 1.0
        # one dict for both sums: each matched concept adds _UNIT (a count) + its weight
        acc: dict[int, float] = {}
        get = acc.get
        for c, w in zip(concepts, weights, strict=True):
            if len(c) == 1:
                ((alt, factor),) = c.items()
                add = _UNIT + w * factor
                for tid in self.postings.get(alt, ()):
                    acc[tid] = get(tid, 0.0) + add
                continue
            seen: dict[int, float] = {}
            for alt, factor in c.items():
                for tid in self.postings.get(alt, ()):
                    if seen.get(tid, 0.0) < factor:
                        seen[tid] = factor
            for tid, factor in seen.items():
                acc[tid] = get(tid, 0.0) + _UNIT + w * factor
        best: dict[int, float] = {}
        floor = (0.4 if len(concepts) > 1 else 0.79) * total
        text_doc, text_len, bonus, norm = self.text_doc, self.text_len, self.bonus, self.text_norm
        dated = self.dated
        scale = 10 / total
        for tid, value in acc.items():
            count, cv = divmod(value, _UNIT)
            if cv < floor:
                continue
            doc_id = text_doc[tid]
            if as_of is not None and doc_id in dated and not self.docs[doc_id].valid_on(as_of):
                continue
            precision = count / text_len[tid]
            s = scale * cv + (3.0 if precision >= 1.0 else 3 * precision) + bonus[doc_id]
            if phrase in norm[tid]:
                s += 1.5
            if s > best.get(doc_id, 0.0):
                best[doc_id] = s
        return best

    def search_words(
        self,
        raw: list[str],
        readings: list[list[str]],
        as_of: dt.date | None,
        limit: int,
        *,
        prefix: bool,
    ) -> list[tuple[float, Doc]]:
        """Score the query as typed and its synonym readings (see the module docstring)."""
        if not raw:
            return []
        phrase = " " + " ".join(raw) + " "
        scores = self.score_words(raw, phrase, as_of, prefix=prefix)
        for reading in readings:
            alt_phrase = " " + " ".join(reading) + " "
            found = self.score_words(reading, alt_phrase, as_of, prefix=False, reading=True)
            for d, s in found.items():
                if s > scores.get(d, 0.0):
                    scores[d] = s
        defaults = self.defaults
        for d, s in [(d, s) for d, s in scores.items() if d in defaults]:
            # a matching header lends its match to its default leaf, as a billable code would
            child = defaults[d]
            if scores.get(child, 0.0) < s + 1.05:
                scores[child] = s + 1.05
        docs = self.docs
        top = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], docs[kv[0]].code))
        return [(s, self.docs[d]) for d, s in top]

    def search_code(self, query: str, limit: int) -> list[tuple[float, Doc]]:
        q = query.strip().replace(".", "").upper()
        if not q:
            return []
        i = bisect.bisect_left(self.codes, (q, -1))
        out: list[tuple[float, Doc]] = []
        while i < len(self.codes) and self.codes[i][0].startswith(q) and len(out) < limit:
            code, doc_id = self.codes[i]
            out.append((100.0 - (len(code) - len(q)), self.docs[doc_id]))
            i += 1
        return out


def synonym_readings(words: list[str], cap: int = 4) -> list[list[str]]:
    """The query with lay phrases replaced by clinical words, left to right, longest lay
    phrase first; a phrase with several clinical readings branches (at most ``cap``), and
    a phrase after the first word also branches to itself as typed. Readings identical
    to ``words`` are left out."""
    readings: list[list[str]] = [[]]
    table = _synonyms_by_first_word()
    i = 0
    while i < len(words):
        best_n = 0
        choices: list[tuple[str, ...]] = []
        for lay, clinical in table.get(words[i], ()):  # longest lay phrase first
            n = len(lay)
            if best_n and n < best_n:
                break
            if tuple(words[i : i + n]) == lay:
                best_n = n
                choices.append(clinical)
        if choices:
            # a lay phrase after the first word may also stay as typed, so that the
            # readings of a query with two lay phrases include the first one replaced
            # alone ("flu vaccine" -> "influenza vaccine" besides "influenza immunization")
            if i:
                choices.append(tuple(words[i : i + best_n]))
            readings = [r + list(c) for r in readings for c in choices][:cap]
            i += best_n
        else:
            readings = [[*r, words[i]] for r in readings]
            i += 1
    return [r for r in readings if r != words]


def looks_like_code(query: str) -> bool:
    q = query.strip()
    return bool(q) and " " not in q and any(ch.isdigit() for ch in q) and bool(_CODE_RE.match(q))


_SHARED: dict[tuple[str, str], object] = {}  # the packaged ICD-10-CM index, shared by stores


def _index_for(store: Store, system: str, release_label: str) -> SearchIndex:
    from .index_build import build_index
    from .store import is_package_release

    key = (system, release_label)
    shared = system == "icd10cm" and is_package_release(store, system, release_label)
    cache = _SHARED if shared else store._indexes
    idx = cache.get(key)
    if idx is None:
        rel = next(r for r in store.releases(system) if r.release == release_label)
        path = store.root / "cache" / f"search-{system}-{rel.sha256[:20]}-{_fingerprint()}.pickle"
        idx = _load_cached(path)
        if idx is None:
            idx = build_index(store, system, release_label)
            _save_cached(path, idx)
        cache[key] = idx
    assert isinstance(idx, SearchIndex)
    return idx


INDEX_FORMAT = "6"  # bump when SearchIndex or index_build changes


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    syn = (resources.files("cleanclaim.codes") / "data" / "synonyms.txt").read_bytes()
    return hashlib.sha256(INDEX_FORMAT.encode() + syn).hexdigest()[:12]


def _load_cached(path: Path) -> SearchIndex | None:
    """A search index saved by an earlier process (our own file under refdata_dir()/cache)."""
    try:
        with path.open("rb") as fh:
            idx = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None
    return idx if isinstance(idx, SearchIndex) else None


def _save_cached(path: Path, idx: SearchIndex) -> None:
    """Best effort: a read-only refdata folder just means rebuilding next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(idx, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass


def search_store(
    store: Store, query: str, *, systems: tuple[str, ...], as_of: dt.date, limit: int
) -> list[SearchHit]:
    """Search every system in ``systems`` with the release in force on ``as_of``."""
    hits: list[tuple[float, Doc]] = []
    adj = _ADJUSTMENT_RE.match(query.strip().upper())
    if adj and "carc" in systems:  # "CO-45", "PR 1": a remittance adjustment as written
        query = adj.group(2)
        systems = tuple(s for s in systems if s in ("carc", "group"))
        hits.extend(_exact(store, "group", adj.group(1), as_of))
    code_like = looks_like_code(query)
    raw = [t for t in tokens(query) if t not in STOP]
    readings = synonym_readings(raw)
    prefix = not query.endswith(" ")
    for system in systems:
        if system not in SYSTEMS:
            raise ValueError(f"unknown code system {system!r}")
        for rel in store.search_releases(system, as_of):
            idx = _index_for(store, system, rel.release)
            if code_like:
                found = idx.search_code(query, limit)
                if system == "icd10cm":
                    found = found + _seventh_hits(store, query, rel.release, found) if found else []
                    found = found or _seventh_hit(store, query, rel.release)
                hits.extend(found)
                if found:
                    continue
            extra = [r for base in (raw, *readings) for r in idx.abbreviation_readings(base)]
            hits.extend(idx.search_words(raw, readings + extra, as_of, limit, prefix=prefix))
    best: dict[tuple[str, str], tuple[float, Doc]] = {}
    for s, d in hits:
        key = (d.system, d.code)
        if key not in best or s > best[key][0]:
            best[key] = (s, d)
    ranked = sorted(best.values(), key=lambda sd: (-sd[0], sd[1].system, sd[1].code))[:limit]
    return [SearchHit(d.system, d.code, d.description, d.billable, round(s, 3)) for s, d in ranked]


def kind_of(system: str) -> str:
    """The field a code of ``system`` belongs in: diagnosis, procedure, modifier or other."""
    for kind, systems in KINDS.items():
        if system in systems:
            return kind
    raise ValueError(f"unknown code system {system!r}")


def search_grouped(
    store: Store, query: str, *, as_of: dt.date, limit: int, systems: tuple[str, ...] = SYSTEMS
) -> list[tuple[str, list[SearchHit]]]:
    """Search "all": each kind (diagnosis, procedure, modifier, other, in that order) is
    ranked on its own, at most ``limit`` hits each, so a strong diagnosis match does not
    push every procedure off the list. Kinds without hits are left out."""
    out: list[tuple[str, list[SearchHit]]] = []
    for kind, kind_systems in KINDS.items():
        chosen = tuple(s for s in kind_systems if s in systems)
        if not chosen:
            continue
        hits = search_store(store, query, systems=chosen, as_of=as_of, limit=limit)
        if hits:
            out.append((kind, hits))
    return out


_ADJUSTMENT_RE = re.compile(r"^(CO|PR|OA|PI|CR)[-\s]?([A-Z]?[0-9]{1,3})$")


def _exact(store: Store, system: str, code: str, as_of: dt.date) -> list[tuple[float, Doc]]:
    found = store.find(system, code, as_of).code
    if found is None:
        return []
    return [(99.0, Doc(system, found.code, found.long or found.short, None, True, False))]


def _seventh_hits(
    store: Store, query: str, release: str, found: list[tuple[float, Doc]]
) -> list[tuple[float, Doc]]:
    """Type-ahead on a leaf that needs a 7th character also offers its full codes."""
    tab = store.icd_release(release)
    q = query.strip().replace(".", "").upper()
    out: list[tuple[float, Doc]] = []
    for score, doc in found:
        node = tab.nodes.get(doc.code)
        if node is None or node.children or len(q) < len(doc.code.replace(".", "")):
            continue
        seventh = tab.seventh_for(doc.code)
        for full in tab.full_codes(doc.code):
            desc = f"{doc.description}, {seventh[full[-1]]}"
            out.append((score - 0.5, Doc("icd10cm", full, desc, True, True, False)))
    return out


def _seventh_hit(store: Store, query: str, release: str) -> list[tuple[float, Doc]]:
    try:
        canon = normalize_icd10cm(query)
    except ValueError:
        return []
    code = store.icd_code(store.icd_release(release), canon)
    if code is None:
        return []
    return [(100.0, Doc("icd10cm", code.code, code.long, True, True, False))]


def coverage_warnings(
    store: Store, systems: tuple[str, ...], as_of: dt.date, hits: list[SearchHit]
) -> list[str]:
    """What a search answer must say about its date, the same on the CLI, the coding
    screen and the API: for each system, that no loaded release covers ``as_of`` ("no
    loaded ICD-10-CM release covers 2014-05-01: the oldest, ... starts ...") — the reason
    there are no hits, not "no codes match" — or, when it answered, that its release has
    ended (the code set may be stale)."""
    out = []
    for system in systems:
        _rel, coverage, msg = store.choose(system, as_of)
        if coverage == "before-oldest" or (
            coverage == "stale" and any(h.system == system for h in hits)
        ):
            out.append(msg)
    return out
