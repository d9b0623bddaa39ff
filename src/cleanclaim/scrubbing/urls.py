from django.urls import path

from cleanclaim.scrubbing import views

app_name = "scrubbing"
urlpatterns = [
    path("scrub/", views.upload, name="upload"),
    path("scrub/rules/", views.rules, name="rules"),
]
