"""Every URL of the app, with how to build it and who may open it.

The URL walk (test_url_walk.py) fails for any URL pattern or API operation
missing here: adding a page or endpoint means adding one line.

Keys: the URL name (``"patients:detail"``); API operations are
``"METHOD api:url_name"`` (``"GET api:patient_detail"``). Django's admin
(namespace ``admin``) is covered as a whole: staff only.

``perm``: the permission from ``cleanclaim.practices.permissions`` the page
needs; ``SIGNED_IN`` any signed-in user; ``PUBLIC`` no sign-in.
``args``: URL kwargs built from the home tenant of the test world
(``cleanclaim.testing.personas``). ``kind``: ``object`` pages must answer 404
or 403 to an outsider; ``list`` pages must not show the home tenant's markers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PUBLIC = "<public>"
SIGNED_IN = "<signed-in>"


@dataclass(frozen=True)
class Entry:
    perm: str
    kind: str = "list"  # "list" | "object"
    args: Callable[[Any], dict[str, Any]] = field(default=lambda w: {})
    method: str = "GET"
    #: Status codes that mean "allowed" for this URL.
    ok: tuple[int, ...] = (200,)


def pk(attr: str) -> Callable[[Any], dict[str, Any]]:
    return lambda w: {"pk": w.obj(attr).pk}


REGISTRY: dict[str, Entry] = {
    # shell
    "home": Entry(SIGNED_IN, ok=(200, 302)),
    "login": Entry(PUBLIC, ok=(200, 302)),
    "logout": Entry(PUBLIC, method="POST", ok=(302,)),
    # patients
    "patients:list": Entry("patients.view"),
    "patients:create": Entry("patients.change"),
    "patients:detail": Entry("patients.view", "object", pk("patient")),
    "patients:edit": Entry("patients.change", "object", pk("patient")),
    "patients:coverage_add": Entry("patients.change", "object", pk("patient")),
    "patients:coverage_edit": Entry("patients.change", "object", pk("coverage")),
    # payers
    "payers:list": Entry("payers.view"),
    "payers:create": Entry("payers.change"),
    "payers:detail": Entry("payers.view", "object", pk("payer")),
    "payers:edit": Entry("payers.change", "object", pk("payer")),
    # in-app admin
    "manage:users": Entry("users.manage"),
    "manage:user_create": Entry("users.manage"),
    "manage:user_roles": Entry("users.manage", "object", pk("user_front_desk")),
    "manage:practices": Entry("practices.manage"),
    "manage:practice": Entry("practices.manage", "object", pk("practice")),
    "manage:practice_edit": Entry("practices.manage", "object", pk("practice")),
    "manage:provider_add": Entry("practices.manage", "object", pk("practice")),
    "manage:provider_edit": Entry("practices.manage", "object", pk("provider")),
    "manage:location_add": Entry("practices.manage", "object", pk("practice")),
    "manage:location_edit": Entry("practices.manage", "object", pk("location")),
    "manage:audit": Entry("audit.view"),
    # placeholders for later capabilities
    "work:claims": Entry("claims.work"),
    "work:remittance": Entry("remittance.post"),
    "work:denials": Entry("denials.work"),
    "work:reports": Entry("reports.view"),
    # coding screen, code pages, reference data status (tests/integ)
    "coding:screen": Entry("coding.work"),
    "coding:search": Entry("coding.work"),
    "coding:pick": Entry("coding.work", method="POST", ok=(400,)),  # no code given
    "coding:remove": Entry("coding.work", method="POST", ok=(302,)),
    "coding:code": Entry("coding.work", args=lambda w: {"system": "icd10cm", "code": "E11"}),
    "coding:refdata": Entry("refdata.view"),
    # scrubber pages (tests/integ)
    "scrubbing:upload": Entry("claims.work"),
    "scrubbing:rules": Entry("claims.work"),
    # API
    "api:openapi-json": Entry(PUBLIC),
    "api:api-root": Entry(PUBLIC, ok=(200, 404)),
    # Django admin: its sign-in page is public; everything else is staff only (below)
    "admin:login": Entry(PUBLIC, ok=(200, 302)),
    "GET api:me": Entry(SIGNED_IN),
    "GET api:practice_list": Entry(SIGNED_IN),
    "GET api:practice_detail": Entry("practices.manage", "object", pk("practice")),
    "GET api:patient_list": Entry("patients.view"),
    "GET api:patient_detail": Entry("patients.view", "object", pk("patient")),
    "GET api:payer_list": Entry("payers.view"),
    "GET api:payer_detail": Entry("payers.view", "object", pk("payer")),
    # PATCH without a version: 428 (optimistic locking, decision 0505)
    "PATCH api:patient_detail": Entry(
        "patients.change", "object", pk("patient"), method="PATCH", ok=(428,)
    ),
    "PATCH api:payer_detail": Entry(
        "payers.change", "object", pk("payer"), method="PATCH", ok=(428,)
    ),
    "POST api:scrub": Entry("claims.work", method="POST", ok=(400,)),  # empty body
}

#: Namespaces covered as a whole: every URL in them is for platform staff only.
STAFF_NAMESPACES = {"admin"}
STAFF_PREFIX = "django-admin/"
