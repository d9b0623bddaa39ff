from django.urls import path

from cleanclaim.audit import views as audit_views
from cleanclaim.practices import views

app_name = "manage"
urlpatterns = [
    path("", views.user_list, name="users"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/<int:pk>/", views.user_roles, name="user_roles"),
    path("practices/", views.practice_list, name="practices"),
    path("practices/<int:pk>/", views.practice_detail, name="practice"),
    path("audit/", audit_views.audit_list, name="audit"),
]
