from django.urls import path

from cleanclaim.audit import views as audit_views
from cleanclaim.practices import views

app_name = "manage"
urlpatterns = [
    path("", views.user_list, name="users"),
    path("users/invite/", views.user_invite, name="user_invite"),
    path("invitations/<int:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path("invitations/<int:pk>/cancel/", views.invitation_cancel, name="invitation_cancel"),
    path("users/<int:pk>/", views.user_roles, name="user_roles"),
    path("practices/", views.practice_list, name="practices"),
    path("practices/<int:pk>/", views.practice_detail, name="practice"),
    path("practices/<int:pk>/edit/", views.practice_edit, name="practice_edit"),
    path("practices/<int:pk>/providers/new/", views.provider_add, name="provider_add"),
    path("providers/<int:pk>/", views.provider_edit, name="provider_edit"),
    path("practices/<int:pk>/locations/new/", views.location_add, name="location_add"),
    path("locations/<int:pk>/", views.location_edit, name="location_edit"),
    path("audit/", audit_views.audit_list, name="audit"),
    path("audit/export.csv", audit_views.audit_export, name="audit_export"),
]
