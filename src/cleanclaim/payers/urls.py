from django.urls import path

from cleanclaim.payers import views

app_name = "payers"
urlpatterns = [
    path("", views.payer_list, name="list"),
    path("new/", views.payer_create, name="create"),
    path("<int:pk>/", views.payer_detail, name="detail"),
    path("<int:pk>/edit/", views.payer_edit, name="edit"),
    path("<int:pk>/connections/", views.payer_connections, name="connections"),
    path("<int:pk>/practices/<int:practice>/", views.payer_override, name="override"),
]
