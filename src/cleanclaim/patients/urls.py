from django.urls import path

from cleanclaim.patients import views

app_name = "patients"
urlpatterns = [
    path("", views.patient_list, name="list"),
    path("new/", views.patient_create, name="create"),
    path("<int:pk>/", views.patient_detail, name="detail"),
    path("<int:pk>/edit/", views.patient_edit, name="edit"),
    path("<int:pk>/coverage/new/", views.coverage_add, name="coverage_add"),
    path("coverage/<int:pk>/edit/", views.coverage_edit, name="coverage_edit"),
    path("coverage/<int:pk>/card/<str:side>/", views.coverage_card, name="coverage_card"),
]
