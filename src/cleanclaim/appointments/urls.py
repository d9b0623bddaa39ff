from django.urls import path

from cleanclaim.appointments import views

app_name = "appointments"
urlpatterns = [
    path("", views.today, name="today"),
    path("new/", views.appointment_new, name="new"),
    path("import/", views.appointment_import, name="import"),
    path("<int:pk>/check-in/", views.check_in, name="check_in"),
]
