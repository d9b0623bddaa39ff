"""Roles and what they may do, as data.

``ROLE_PERMISSIONS`` is the one table the server consults: views use the
``requires`` decorator (``cleanclaim.tenancy.guards``), API operations
``api_requires`` (``cleanclaim.api.auth``), and querysets are scoped to the
practices where the user holds a role granting the permission
(``cleanclaim.tenancy.scoping``). The navigation shows an item only when
its permission is granted somewhere.

The split follows the issue: front desk — patients, check-in, eligibility;
coder — encounters and codes; biller — claims, submission, remittance, denials;
manager — reports, payer set-up; admin — users, practice set-up. Reading
patient demographics is granted to the roles whose work needs them (coder,
biller, manager) but not to the admin role (minimum necessary, HIPAA
45 CFR 164.502(b)); see docs/decisions/0103-roles.md.
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    FRONT_DESK = "front_desk", "Front desk"
    CODER = "coder", "Coder"
    BILLER = "biller", "Biller"
    MANAGER = "manager", "Manager"
    ADMIN = "admin", "Admin"


PERMISSIONS: dict[str, str] = {
    "patients.view": "see patients and their coverage",
    "patients.change": "register patients, edit demographics and coverage",
    "checkin.work": "check patients in",
    "eligibility.check": "ask payers about eligibility (270/271)",
    "coding.work": "code encounters (diagnoses, procedures, modifiers)",
    "claims.work": "build and correct claims",
    "claims.submit": "submit claims to the clearinghouse",
    "remittance.post": "post remittances (835)",
    "denials.work": "work denials: correct, appeal, write off",
    "payers.view": "see payer profiles",
    "payers.change": "set up payers",
    "payers.contacts": "keep payer contacts (add, edit, deactivate)",
    "calls.log": "log calls to payers and work their follow-ups",
    "reports.view": "see reports",
    "users.manage": "add users and assign roles",
    "practices.manage": "set up practices, providers and locations",
    "audit.view": "browse the audit trail",
    "refdata.view": "see which reference data (code sets, NCCI tables) is loaded",
    "fees.view": "see the practices' fee schedules",
    "fees.manage": "set up fee schedules: import, export and edit charges",
    "worklists.visits": "see the work list of visits to code",
    "worklists.claims": "see the claim work lists (errors, ready, on hold, deadlines, no answer)",
    "statements.work": "run patient statements, set the statement message, refund credits",
    "payments.take": "take patient payments at the desk or by mail",
}

ROLE_PERMISSIONS: dict[Role, frozenset[str]] = {
    Role.FRONT_DESK: frozenset(
        {"patients.view", "patients.change", "checkin.work", "eligibility.check", "payments.take"}
    ),
    Role.CODER: frozenset({"coding.work", "patients.view", "fees.view", "worklists.visits"}),
    Role.BILLER: frozenset(
        {
            "claims.work",
            "claims.submit",
            "remittance.post",
            "denials.work",
            "patients.view",
            "payers.view",
            "payers.contacts",
            "calls.log",
            "fees.view",
            "worklists.claims",
            "statements.work",
            "payments.take",
        }
    ),
    Role.MANAGER: frozenset(
        {
            "reports.view",
            "payers.view",
            "payers.change",
            "payers.contacts",
            "calls.log",
            "patients.view",
            "refdata.view",
            "fees.view",
            "fees.manage",
            "worklists.visits",
            "worklists.claims",
            "statements.work",
        }
    ),
    Role.ADMIN: frozenset(
        {
            "users.manage",
            "practices.manage",
            "audit.view",
            "refdata.view",
            "fees.view",
            "fees.manage",
        }
    ),
}


def permissions_for(role: str) -> frozenset[str]:
    """The permission set of a role (by its stored value)."""
    return ROLE_PERMISSIONS[Role(role)]


def roles_with(permission: str) -> frozenset[Role]:
    """The roles that grant ``permission``; unknown permissions are a programming error."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}; add it to PERMISSIONS")
    return frozenset(role for role, perms in ROLE_PERMISSIONS.items() if permission in perms)
