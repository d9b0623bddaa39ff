"""Every URL of the app. The URL-walk test (tests/app/test_url_walk.py) fails
for a pattern that has no entry in tests/app/url_registry.py."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from cleanclaim.api import index as api_index
from cleanclaim.api.main import api
from cleanclaim.web import views
from cleanclaim.web.forms import ThrottledAuthenticationForm

# Django's admin is for platform staff only; it signs in through the same throttled form.
admin.site.login_form = ThrottledAuthenticationForm
admin.site.site_header = "cleanclaim platform administration"

work = (
    [
        path("claims/", views.claims, name="claims"),
        path("remittance/", views.remittance, name="remittance"),
        path("denials/", views.denials, name="denials"),
        path("reports/", views.reports, name="reports"),
    ],
    "work",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("patients/", include("cleanclaim.patients.urls")),
    path("payers/", include("cleanclaim.payers.urls")),
    path("admin/", include("cleanclaim.practices.urls")),
    path("", include(work)),
    path("", include("cleanclaim.coding.urls")),
    path("", include("cleanclaim.scrubbing.urls")),
    path("api/", api_index.index, name="api-index"),
    path("api/docs/", api_index.docs, name="api-docs"),
    path("api/", api.urls),
    path("api/<path:rest>", api_index.not_found, name="api-not-found"),
    path("django-admin/", admin.site.urls),
]
