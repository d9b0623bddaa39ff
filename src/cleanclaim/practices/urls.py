from django.urls import path

from cleanclaim.audit import views as audit_views
from cleanclaim.practices import views

app_name = "manage"
urlpatterns = [
    path("", views.user_list, name="users"),
    path("practices/", views.practice_list, name="practices"),
    path("practices/<int:pk>/", views.practice_detail, name="practice"),
    path("audit/", audit_views.audit_list, name="audit"),
]
