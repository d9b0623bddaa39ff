"""Every URL of the app. The URL-walk test (tests/app/test_url_walk.py) fails
for a pattern that has no entry in tests/app/url_registry.py."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.views.decorators.http import require_http_methods

from cleanclaim.api import index as api_index
from cleanclaim.api.main import api
from cleanclaim.web import account, views
from cleanclaim.web.forms import ThrottledAuthenticationForm

# Django's admin is for platform staff only; it signs in through the same throttled form.
admin.site.login_form = ThrottledAuthenticationForm
admin.site.site_header = "cleanclaim platform administration"
# Its sign-in page would take PUT, DELETE and TRACE as a GET (405 instead, as on our pages).
admin.site.login = require_http_methods(["GET", "POST"])(admin.site.login)  # type: ignore[method-assign]

work = (
    [
        path("claims/", views.claims, name="claims"),
        path("reports/", views.reports, name="reports"),
        path("scheduled/", views.scheduled, name="scheduled"),
    ],
    "work",
)

own_account = (
    [
        path(
            "password/",
            require_http_methods(["GET", "POST"])(account.PasswordChangeView.as_view()),
            name="password",
        ),
        path("two-factor/", account.enrol, name="enrol"),
        path("two-factor/verify/", account.verify, name="verify"),
        path("invitation/", account.invitation, name="invitation"),
    ],
    "account",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("account/", include(own_account)),
    path("patients/", include("cleanclaim.patients.urls")),
    path("today/", include("cleanclaim.appointments.urls")),
    path("payers/", include("cleanclaim.payers.urls")),
    path("payers/", include("cleanclaim.payerrules.urls")),
    path("fees/", include("cleanclaim.fees.urls")),
    path("remittances/", include("cleanclaim.remits.urls")),
    path("clearinghouses/", include("cleanclaim.clearinghouses.urls")),
    path("denials/", include("cleanclaim.denials.urls")),
    path("statements/", include("cleanclaim.statements.urls")),
    path("admin/", include("cleanclaim.practices.urls")),
    path("", include(work)),
    path("", include("cleanclaim.payercalls.urls")),
    path("", include("cleanclaim.coding.urls")),
    path("", include("cleanclaim.scrubbing.urls")),
    path("", include("cleanclaim.claims.urls")),
    path("eligibility/", include("cleanclaim.eligibility.urls")),
    path("authorizations/", include("cleanclaim.authorizations.urls")),
    path("api/", api_index.index, name="api-index"),
    path("api/docs/", api_index.docs, name="api-docs"),
    path("api/", api.urls),
    path("api/<path:rest>", api_index.not_found, name="api-not-found"),
    path("django-admin/", admin.site.urls),
]
