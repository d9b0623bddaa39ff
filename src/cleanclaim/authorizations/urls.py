from django.urls import path

from cleanclaim.authorizations import views

app_name = "authorizations"
urlpatterns = [
    path("patient/<int:pk>/", views.patient, name="patient"),
    path("<int:pk>/status/", views.status, name="status"),
    path("patient/<int:pk>/request/", views.request_278, name="request"),
    path("attachment/<int:pk>/", views.attachment, name="attachment"),
]
