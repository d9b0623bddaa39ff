from django.urls import path

from cleanclaim.payerrules import views

app_name = "payerrules"
urlpatterns = [
    path("<int:pk>/rules/", views.rules, name="rules"),
    path("<int:pk>/rules/edit/", views.edit, name="edit"),
    path("<int:pk>/rules/new/", views.edit, name="new"),
    path("<int:pk>/rules/diff/", views.diff, name="diff"),
    path("<int:pk>/rules/revert/", views.revert, name="revert"),
]
