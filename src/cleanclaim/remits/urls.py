from django.urls import path

from cleanclaim.remits import views

app_name = "remits"
urlpatterns = [
    path("", views.remittance_list, name="list"),
    path("unmatched/", views.unmatched_list, name="unmatched"),
    path("<int:pk>/", views.remittance_detail, name="detail"),
    path("<int:pk>/dry-run/", views.remittance_dry_run, name="dry_run"),
    path("<int:pk>/post/", views.remittance_post, name="post"),
]
