"""A manager keeps a payer's rules in the app: each save is a new version with who,
when and why; a bad text is refused whole with the line of each problem; the preview
shows what the sample claims would get; versions are diffed and reverted (a revert is
a new version). Those who see payers see the rules; only managers edit them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.payerrules.models import ImmutableVersion, RuleVersion
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

RULES = """rules:
  - id: MRI-AUTH
    payer: {pid}
    kind: prior-auth
    codes: [70010-79999]
    effective: 2020-01-01
    citation: Utilization bulletin 2026-07
    fix: Get the authorization number first.
"""


def _as(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def _save(client: Client, world: World, text: str, why: str, based_on: int = 0):
    payer = world.home.payer
    return client.post(
        reverse("payerrules:edit", args=[payer.pk]),
        {"text": text, "why": why, "based_on": based_on, "save": "1"},
    )


def test_it_saves_a_version_with_who_when_and_why(world: World) -> None:
    payer = world.home.payer
    manager = _as(world, Role.MANAGER)
    r = _save(manager, world, RULES.format(pid=payer.payer_id), "bulletin 2026-07")
    assert r.status_code == 302
    v = RuleVersion.objects.get(rule_set__payer=payer)
    assert (v.number, v.why, v.author) == (1, "bulletin 2026-07", world.home.users[Role.MANAGER])
    entry = AuditEntry.objects.get(model="payerrules.RuleVersion", object_pk=str(v.pk))
    assert entry.action == "create" and entry.changes["rules"] == ["MRI-AUTH"]
    page = manager.get(reverse("payerrules:rules", args=[payer.pk])).content.decode()
    assert 'id="rule-MRI-AUTH"' in page and "Utilization bulletin 2026-07" in page
    assert "bulletin 2026-07" in page


def test_it_requires_a_reason_why(world: World) -> None:
    r = _save(_as(world, Role.MANAGER), world, RULES.format(pid="X1"), "  ")
    assert r.status_code == 200 and "say why the rules change" in r.content.decode()
    assert not RuleVersion.objects.exists()


def test_it_refuses_a_bad_text_whole_naming_each_line(world: World) -> None:
    bad = RULES.format(pid="X1").replace("2020-01-01", "someday").replace("prior-auth", "nah")
    r = _save(_as(world, Role.MANAGER), world, bad, "try")
    body = r.content.decode()
    assert r.status_code == 422
    assert "Line 4: kind &#x27;nah&#x27; is not one of" in body
    assert not RuleVersion.objects.exists()


def test_it_refuses_a_save_over_a_newer_version(world: World) -> None:
    manager = _as(world, Role.MANAGER)
    assert _save(manager, world, RULES.format(pid="X1"), "first").status_code == 302
    r = _save(manager, world, RULES.format(pid="X2"), "second", based_on=0)
    assert r.status_code == 200 and "version 1 was saved since you opened version 0" in (
        r.content.decode()
    )
    assert RuleVersion.objects.count() == 1


def test_it_previews_what_the_sample_claims_would_get(world: World) -> None:
    payer = world.home.payer
    r = _as(world, Role.MANAGER).post(
        reverse("payerrules:edit", args=[payer.pk]),
        {"text": RULES.format(pid=payer.payer_id), "why": "", "based_on": 0, "preview": "1"},
    )
    assert r.status_code == 200
    rows = {row.claim_id: row for row in r.context["preview"]}
    mri = rows["SAMPLE-MRI"]
    assert mri.before == [] and [f.rule for f in mri.after] == ["PAYER-AUTH"]
    assert mri.after[0].source == "Utilization bulletin 2026-07 (payer rule MRI-AUTH)"
    assert not rows["SAMPLE-OFFICE"].changed
    assert not RuleVersion.objects.exists()  # a preview saves nothing


def test_it_diffs_and_reverts_versions(world: World) -> None:
    payer = world.home.payer
    manager = _as(world, Role.MANAGER)
    one = RULES.format(pid=payer.payer_id)
    two = one.replace("70010-79999", "70010-76999")
    assert _save(manager, world, one, "first").status_code == 302
    assert _save(manager, world, two, "narrower", based_on=1).status_code == 302
    page = manager.get(reverse("payerrules:diff", args=[payer.pk]), {"a": 1, "b": 2})
    body = page.content.decode()
    assert '<span class="diff-del">-    codes: [70010-79999]</span>' in body
    assert '<span class="diff-add">+    codes: [70010-76999]</span>' in body
    assert "style=" not in body and "<script>" not in body
    url = reverse("payerrules:revert", args=[payer.pk]) + "?to=1"
    assert manager.post(url, {"why": "narrowing was wrong"}).status_code == 302
    three = RuleVersion.objects.get(rule_set__payer=payer, number=3)
    assert (three.text, three.reverted_from, three.why) == (one, 1, "narrowing was wrong")
    assert RuleVersion.objects.count() == 3


def test_versions_are_never_changed_or_deleted(world: World) -> None:
    _save(_as(world, Role.MANAGER), world, RULES.format(pid="X1"), "first")
    v = RuleVersion.objects.get()
    v.text = "rules:\n"
    with pytest.raises(ImmutableVersion):
        v.save()
    with pytest.raises(ImmutableVersion):
        v.delete()


def test_the_new_rule_page_prefills_a_call_reference_as_citation(world: World) -> None:
    payer = world.home.payer
    r = _as(world, Role.MANAGER).get(
        reverse("payerrules:new", args=[payer.pk]), {"citation": 'call ref 88213 "Jane"'}
    )
    text = r.context["form"].initial["text"]
    assert 'citation: "call ref 88213 \\"Jane\\""' in text
    assert f"payer: {payer.payer_id}" in text


def test_others_view_the_rules_but_only_managers_edit(world: World) -> None:
    payer = world.home.payer
    biller = _as(world, Role.BILLER)
    assert biller.get(reverse("payerrules:rules", args=[payer.pk])).status_code == 200
    for name in ("payerrules:edit", "payerrules:new", "payerrules:revert"):
        assert biller.get(reverse(name, args=[payer.pk])).status_code == 403
    assert _save(biller, world, RULES.format(pid="X1"), "sneaky").status_code == 403
    assert not RuleVersion.objects.exists()


def test_it_previews_pasted_claims_and_names_what_it_cannot_read(world: World) -> None:
    from pathlib import Path

    payer = world.home.payer
    golden = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"
    text = RULES.format(pid="60054").replace("70010-79999", "99213")  # ACME's claims
    url = reverse("payerrules:edit", args=[payer.pk])
    form = {"text": text, "why": "", "based_on": 0, "preview": "1"}
    client = _as(world, Role.MANAGER)
    r = client.post(url, {**form, "claims": golden.read_text()})
    assert r.status_code == 200
    changed = {row.claim_id for row in r.context["preview"] if row.changed}
    assert "RFM-1002" in changed  # 99213 without an authorization number
    r = client.post(url, {**form, "claims": "not an 837P"})
    assert r.status_code == 200 and r.context["preview"] == []
    assert "The pasted claims could not be read: the pasted claims: not an X12 file" in (
        r.content.decode()
    )
