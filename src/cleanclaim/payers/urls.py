from django.urls import path

from cleanclaim.payers import views

app_name = "payers"
urlpatterns = [
    path("", views.payer_list, name="list"),
    path("<int:pk>/", views.payer_detail, name="detail"),
]
