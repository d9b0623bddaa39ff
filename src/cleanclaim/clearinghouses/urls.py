from django.urls import path

from cleanclaim.clearinghouses import views

app_name = "clearinghouses"
urlpatterns = [
    path("connections/", views.connection_list, name="connections"),
    path("connections/new/", views.connection_form, name="connection_create"),
    path("connections/<int:pk>/", views.connection_form, name="connection_edit"),
    path("connections/<int:pk>/check/", views.connection_check, name="connection_check"),
    path("batches/", views.batch_list, name="batches"),
    path("batches/send/", views.batch_send, name="batch_send"),
    path("batches/collect/", views.batch_collect, name="batch_collect"),
    path("batches/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("batches/<int:pk>/progress/", views.batch_progress, name="batch_progress"),
    path("batches/<int:pk>/retry/", views.batch_retry, name="batch_retry"),
    path("files/<int:pk>/", views.file_download, name="file_download"),
]
