from django.urls import path

from cleanclaim.fees import views

app_name = "fees"
urlpatterns = [
    path("", views.schedule_list, name="list"),
    path("import/", views.import_page, name="import"),
    path("<int:pk>/", views.schedule_detail, name="detail"),
    path("<int:pk>/export.csv", views.schedule_export, name="export"),
    path("rows/<int:pk>/edit/", views.fee_edit, name="fee_edit"),
]
