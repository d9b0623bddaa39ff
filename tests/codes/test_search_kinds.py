"""Search by what the coder is filling in: the diagnosis field searches ICD-10-CM, the
procedure field CPT and HCPCS (equipment and supplies included), the modifier field
modifiers; "all" answers every kind, each ranked on its own."""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.codes.model import SYSTEMS
from cleanclaim.codes.search import KINDS, kind_of, search_grouped
from cleanclaim.codes.store import Store

D = dt.date(2026, 5, 1)


def test_every_system_belongs_to_exactly_one_kind() -> None:
    listed = [s for systems in KINDS.values() for s in systems]
    assert sorted(listed) == sorted(SYSTEMS)
    assert kind_of("hcpcs") == kind_of("cpt") == "procedure"
    assert kind_of("icd10cm") == "diagnosis"
    assert kind_of("modifier") == "modifier"
    assert kind_of("carc") == "other"
    with pytest.raises(ValueError, match="unknown code system 'icd9'"):
        kind_of("icd9")


def test_the_procedure_field_answers_no_diagnoses(equipment_store: Store) -> None:
    hits = equipment_store.search("walker", systems=KINDS["procedure"], as_of=D, limit=10)
    assert hits and {h.system for h in hits} <= {"cpt", "hcpcs"}
    assert equipment_store.search("heart attack", systems=KINDS["procedure"], as_of=D) == []


def test_the_diagnosis_field_answers_no_equipment(equipment_store: Store) -> None:
    hits = equipment_store.search("walker", systems=KINDS["diagnosis"], as_of=D, limit=10)
    assert hits and {h.system for h in hits} == {"icd10cm"}


def test_the_modifier_field_answers_modifiers(equipment_store: Store) -> None:
    hits = equipment_store.search("left side", systems=KINDS["modifier"], as_of=D, limit=5)
    assert hits and hits[0].code == "LT"
    assert {h.system for h in hits} == {"modifier"}


def test_all_groups_the_answer_by_kind_in_a_fixed_order(equipment_store: Store) -> None:
    groups = search_grouped(equipment_store, "walker", as_of=D, limit=3)
    kinds = [k for k, _hits in groups]
    assert kinds[:2] == ["diagnosis", "procedure"]
    for kind, hits in groups:
        assert 0 < len(hits) <= 3
        assert {kind_of(h.system) for h in hits} == {kind}
    procedures = dict(groups)["procedure"]
    assert {h.code for h in procedures[:2]} == {"E0130", "E0143"}


def test_all_leaves_out_kinds_without_hits_and_the_systems_not_asked_for(
    equipment_store: Store,
) -> None:
    groups = search_grouped(
        equipment_store, "walker", as_of=D, limit=3, systems=("hcpcs", "modifier")
    )
    assert [k for k, _hits in groups] == ["procedure"]
