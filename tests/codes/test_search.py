"""Search finds codes by code, words in any order, lay words, abbreviations and misspellings.
(The full evaluation set is bench/search_eval.tsv; these are representative cases.)"""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)


def _codes(
    store: Store, query: str, n: int = 5, systems: tuple[str, ...] = ("icd10cm",)
) -> list[str]:
    return [h.code for h in store.search(query, systems=systems, as_of=D, limit=n)]


@pytest.mark.parametrize(
    ("query", "prefix"),
    [
        ("heart attack", "I21"),
        ("afib", "I48"),
        ("UTI", "N39.0"),
        ("COPD", "J44"),
        ("high blood pressure", "I10"),
        ("pnuemonia", "J18"),
        ("struck by a turtle", "W59.22"),
        ("ringing in the ears", "H93.1"),
        ("broken collarbone", "S42.0"),
    ],
)
def test_it_finds_lay_words_abbreviations_and_misspellings(
    package_store: Store, query: str, prefix: str
) -> None:
    assert any(c.startswith(prefix) for c in _codes(package_store, query)), _codes(
        package_store, query
    )


def test_it_finds_by_code_with_or_without_the_dot_and_by_prefix(package_store: Store) -> None:
    assert _codes(package_store, "E11.9", 1) == ["E11.9"]
    assert _codes(package_store, "e119", 1) == ["E11.9"]
    assert all(c.startswith("E11.6") for c in _codes(package_store, "E11.6", 5))
    assert _codes(package_store, "S93.401A", 1) == ["S93.401A"]


def test_it_matches_words_in_any_order(package_store: Store) -> None:
    assert _codes(package_store, "fibrillation atrial", 1) == _codes(
        package_store, "atrial fibrillation", 1
    )
    assert _codes(package_store, "ankle sprain right", 1)[0].startswith("S93.401")


def test_it_ranks_a_billable_code_first_for_a_diagnosis_word(package_store: Store) -> None:
    hits = package_store.search("diabetic", systems=("icd10cm",), as_of=D, limit=5)
    assert "E11.9" in [h.code for h in hits]
    top = package_store.search("afib", systems=("icd10cm",), as_of=D, limit=1)[0]
    assert top.billable is True


def test_it_searches_inclusion_terms(package_store: Store) -> None:
    # "Sprained ankle NOS" is an inclusion term of S93.40, not its title
    assert "S93.40" in _codes(package_store, "sprained ankle", 5)


def test_it_searches_starter_cpt_and_other_systems(package_store: Store) -> None:
    assert _codes(package_store, "99213", 1, ("cpt",)) == ["99213"]
    assert "25" in _codes(package_store, "separate significant visit same day", 3, ("modifier",))
    assert _codes(package_store, "office", 1, ("pos",)) == ["11"]


def test_it_returns_nothing_for_an_empty_query(package_store: Store) -> None:
    assert package_store.search("   ", as_of=D) == []


def test_it_offers_the_full_codes_of_a_leaf_typed_in_full(package_store: Store) -> None:
    hits = package_store.search("S93.401", systems=("icd10cm",), as_of=D, limit=5)
    assert [h.code for h in hits[:4]] == ["S93.401", "S93.401A", "S93.401D", "S93.401S"]
    assert hits[0].billable is False and hits[1].billable is True


def test_a_lay_phrase_with_two_clinical_readings_tries_both() -> None:
    from cleanclaim.codes.search import synonym_readings

    readings = synonym_readings(["bee", "sting"])
    assert ["venom", "bee"] in readings and len(readings) >= 2
    assert synonym_readings(["asthma"]) == []


def test_it_reads_a_group_and_reason_code_as_written_on_a_remittance(package_store: Store) -> None:
    hits = package_store.search("CO-45", as_of=D, limit=3)
    assert [(h.system, h.code) for h in hits[:2]] == [("carc", "45"), ("group", "CO")]
    assert package_store.search("pr 1", as_of=D, limit=1)[0].code == "1"
