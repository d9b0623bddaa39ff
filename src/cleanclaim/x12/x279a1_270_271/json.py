"""270/271 convenient JSON fields (docs/x12-json-guides.md, view version 1).

``members`` (subscriber, dependent) with name, ``member_id``, ``dob``, ``sex``,
``plan_dates``; for a 270 the ``service_types`` asked (EQ01); for a 271 the
``benefits`` from EB (``eligibility_code`` EB01, ``coverage_level`` EB02,
``service_types`` EB03, ``insurance_type`` EB04, ``plan_description`` EB05,
``time_period`` EB06, ``amount`` EB07, ``percent`` EB08, ``quantity`` EB09/10,
``authorization_required`` EB11, ``in_network`` EB12, ``dates``, ``messages``
MSG) and ``rejections`` from AAA (``valid_request`` AAA01, ``reason`` AAA03,
``follow_up_action`` AAA04) at every level. The same fields build a 270 or
271 (:mod:`.building`).
"""

from __future__ import annotations

from typing import Any

from .._segments import Delimiters
from ..guidekit.read import NM1
from ..guidekit.values import date_json, json_money
from .building import build_270, build_271
from .parsing import TransactionEligibility
from .view import Benefit, Member

__all__ = ["build_270", "build_271", "to_json"]


def _party(p: NM1 | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "name": p.name_last_or_organization_name,
        "id_qualifier": p.identification_code_qualifier or None,
        "id": p.identification_code or None,
    }


def _benefit(b: Benefit) -> dict[str, Any]:
    eb = b.eb
    return {
        "eligibility_code": eb.eligibility_or_benefit_information_code,
        "coverage_level": eb.coverage_level_code or None,
        "service_types": eb.service_type_codes,
        "insurance_type": eb.insurance_type_code or None,
        "plan_description": eb.plan_coverage_description or None,
        "time_period": eb.time_period_qualifier or None,
        "amount": json_money(eb.monetary_amount),
        "percent": json_money(eb.percentage_as_decimal),
        "quantity_qualifier": eb.quantity_qualifier or None,
        "quantity": json_money(eb.quantity),
        "authorization_required": eb.authorization_or_certification_indicator or None,
        "in_network": {"Y": True, "N": False}.get(eb.in_plan_network_indicator),
        "dates": [d.as_json() for d in b.dates],
        "messages": [m.free_form_message_text for m in b.messages],
        "rejections": [r.as_json() for r in b.rejections],
    }


def _member(m: Member) -> dict[str, Any]:
    name = m.name
    dmg = m.demographics
    return {
        "level": m.level,
        "last_name": name.name_last_or_organization_name if name else None,
        "first_name": (name.name_first or None) if name else None,
        "member_id": (name.identification_code or None) if name else None,
        "dob": date_json(dmg.date_time_period) if dmg else None,
        "sex": (dmg.gender_code or None) if dmg else None,
        "plan_dates": [d.as_json() for d in m.plan_dates],
        "service_types": [t for eq in m.inquiries for t in eq.service_type_codes],
        "benefits": [_benefit(b) for b in m.benefits],
        "rejections": [r.as_json() for r in m.rejections],
    }


def to_json(tx: TransactionEligibility, delimiters: Delimiters) -> dict[str, Any]:
    """The convenient fields of one 270 or 271."""
    e = tx.eligibility
    bht = tx.placed.tree.first("BHT")
    return {
        "purpose_code": bht.get(2) if bht else None,
        "reference": bht.get(3) if bht else None,
        "created": date_json(bht.get(4)) if bht else None,
        "information_source": _party(e.information_source),
        "information_receiver": _party(e.information_receiver),
        "members": [_member(m) for m in e.members],
        "rejections": [r.as_json() for r in e.rejections],
    }
