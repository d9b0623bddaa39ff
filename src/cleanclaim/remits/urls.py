from django.urls import path

from cleanclaim.remits import views

app_name = "remits"
urlpatterns = [
    path("", views.remittance_list, name="list"),
    path("unmatched/", views.unmatched_list, name="unmatched"),
    path("unmatched/<int:pk>/", views.unmatched_match, name="match"),
    path("rules/", views.rules_list, name="rules"),
    path("rules/set/", views.rules_set, name="rules_set"),
    path("rules/remove/", views.rules_remove, name="rules_remove"),
    path("rules/auto-post/", views.rules_auto_post, name="rules_auto_post"),
    path("<int:pk>/", views.remittance_detail, name="detail"),
    path("<int:pk>/dry-run/", views.remittance_dry_run, name="dry_run"),
    path("<int:pk>/post/", views.remittance_post, name="post"),
]
