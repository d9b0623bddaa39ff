from django.urls import path

from cleanclaim.eligibility import views

app_name = "eligibility"
urlpatterns = [
    path("coverage/<int:pk>/", views.check, name="check"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/apply/", views.apply, name="apply"),
    path("batch/", views.batch, name="batch"),
    path("batch/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("batch/<int:pk>/progress/", views.batch_progress, name="batch_progress"),
]
