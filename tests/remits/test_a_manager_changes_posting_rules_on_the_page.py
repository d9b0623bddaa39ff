"""The posting rules page: every rule in effect (defaults and the practice's own, with
the CARC/RARC text and who changed it); a manager adds, changes and removes an
override and flips "Post 835s automatically", each change audited and used by the
next posting; a bad key is refused naming the field; a biller sees it read-only."""

from __future__ import annotations

import pytest
from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions
from cleanclaim.remits.models import PostingRule
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db


def _as(tenant, role: Role) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(tenant.users[role])
    return client


def test_it_shows_defaults_with_their_meaning() -> None:
    home = build_world().home
    page = _as(home, Role.BILLER).get("/remittances/rules/").content.decode()
    assert 'id="rule-co-45"' not in page  # no default for CO-45: CO-* covers it
    assert "CO-16" in page and "Hold for review" in page
    assert "PR-*" in page and "any reason under PR (patient responsibility)" in page
    assert "Post 835s automatically: <strong>yes" in page
    assert "a manager changes them" in page
    assert 'action="/remittances/rules/set/"' not in page


def test_a_manager_overrides_a_rule_and_the_next_posting_uses_it() -> None:
    home = build_world().home
    manager = home.users[Role.MANAGER]
    client = _as(home, Role.MANAGER)
    done = client.post(
        "/remittances/rules/set/",
        {"practice": home.practice.pk, "key": " co-45 ", "action": "hold"},
    )
    assert done.status_code == 302
    rule = PostingRule.objects.get(practice=home.practice)
    assert (rule.key, rule.action, rule.changed_by) == ("CO-45", "hold", manager)
    entry = AuditEntry.objects.get(model="remits.PostingRule", action="create")
    assert entry.changes == {"key": [None, "CO-45"], "action": [None, "hold"]}
    assert entry.user == manager and entry.practice == home.practice
    page = client.get(done["Location"]).content.decode()
    row = page[page.index('id="rule-co-45"') :]
    row = row[: row.index("</tr>")]
    assert "Charge is more than the fee schedule" in row
    assert "Hold for review" in row and "this practice" in row and manager.email in row

    client.post(
        "/remittances/rules/set/",
        {"practice": home.practice.pk, "key": "CO-45", "action": "adjust"},
    )
    change = AuditEntry.objects.get(model="remits.PostingRule", action="update")
    assert change.changes == {"action": ["hold", "adjust"]}

    data = many_claims_835(1)
    claim = claims_for_835(
        actions.read(data)[0], home.practice, home.payer, home.provider, home.location
    )[0]
    actor = Actor(user=None, label="system: test")
    actions.post_file(actor, actions.take_in_835(actor, home.practice, "x.835", data))
    kinds = set(
        LedgerEntry.objects.exclude(kind="charge")
        .filter(claim=claim)
        .values_list("kind", flat=True)
    )
    assert "other_adjustment" in kinds and "contractual_adjustment" not in kinds

    client.post("/remittances/rules/remove/", {"practice": home.practice.pk, "key": "CO-45"})
    assert not PostingRule.objects.exists()
    assert AuditEntry.objects.filter(model="remits.PostingRule", action="delete").count() == 1


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("XX-45", "group XX is not one of CO, PR, OA, PI, CR"),
        ("CO-99999", "99999 is not in the CARC list"),
        ("RARC:ZZ999", "ZZ999 is not in the RARC list"),
        ("45", "is not GROUP-CARC (CO-45), GROUP-* (PR-*) or RARC:CODE"),
        ("", "Key: empty"),
    ],
)
def test_a_bad_key_is_refused_naming_the_field(key: str, says: str) -> None:
    home = build_world().home
    refused = _as(home, Role.MANAGER).post(
        "/remittances/rules/set/", {"practice": home.practice.pk, "key": key, "action": "hold"}
    )
    assert refused.status_code == 422
    text = refused.content.decode()
    assert 'id="rule-error">Key: ' in text
    assert says.replace("'", "&#x27;") in text or says in text
    assert not PostingRule.objects.exists()
    assert not AuditEntry.objects.filter(model="remits.PostingRule").exists()


def test_a_bad_action_is_refused_naming_the_field() -> None:
    home = build_world().home
    refused = _as(home, Role.MANAGER).post(
        "/remittances/rules/set/", {"practice": home.practice.pk, "key": "CO-45", "action": "burn"}
    )
    assert refused.status_code == 422
    assert 'id="rule-error">Action: ' in refused.content.decode()
    assert not PostingRule.objects.exists()


def test_a_rarc_rule_is_taken() -> None:
    home = build_world().home
    _as(home, Role.MANAGER).post(
        "/remittances/rules/set/",
        {"practice": home.practice.pk, "key": "rarc:n130", "action": "write_off"},
    )
    assert PostingRule.objects.get().key == "RARC:N130"
    assert actions.rules_for(home.practice)["RARC:N130"] == "write_off"


def test_the_auto_post_switch_holds_polled_835s() -> None:
    from cleanclaim.remits import rules

    home = build_world().home
    client = _as(home, Role.MANAGER)
    client.post("/remittances/rules/auto-post/", {"practice": home.practice.pk})
    stored = PostingRule.objects.get()
    assert (stored.key, stored.action) == ("AUTO-POST", "hold")
    assert not rules.auto_posts(home.practice)
    page = client.get("/remittances/rules/").content.decode()
    assert 'name="auto_post" value="on" checked' not in page
    assert 'id="rule-auto-post"' not in page  # a switch, not a CARC rule
    client.post("/remittances/rules/auto-post/", {"practice": home.practice.pk, "auto_post": "on"})
    assert rules.auto_posts(home.practice) and not PostingRule.objects.exists()
    assert AuditEntry.objects.filter(model="remits.PostingRule").count() == 2


def test_a_biller_cannot_change_and_an_outsider_cannot_reach_the_practice() -> None:
    world = build_world()
    home = world.home
    form = {"practice": home.practice.pk, "key": "CO-45", "action": "hold"}
    assert _as(home, Role.BILLER).post("/remittances/rules/set/", form).status_code == 403
    assert (
        _as(world.outsider, Role.MANAGER).post("/remittances/rules/set/", form).status_code == 404
    )
    other = _as(world.outsider, Role.MANAGER).get(
        f"/remittances/rules/?practice={home.practice.pk}"
    )
    assert other.status_code == 404
    assert not PostingRule.objects.exists()


def test_every_default_key_is_a_key_the_page_takes() -> None:
    from cleanclaim import remittance as engine
    from cleanclaim.remits import rules

    for key in engine.DEFAULT_RULES:
        assert rules.normalise_key(key) == key
        assert rules.describe(key) not in ("", f"CARC {key.partition('-')[2]}")


def test_setting_the_same_action_again_changes_nothing() -> None:
    home = build_world().home
    client = _as(home, Role.MANAGER)
    form = {"practice": home.practice.pk, "key": "PR-*", "action": "adjust"}
    client.post("/remittances/rules/set/", form)
    client.post("/remittances/rules/set/", form)
    assert PostingRule.objects.count() == 1
    assert AuditEntry.objects.filter(model="remits.PostingRule").count() == 1
