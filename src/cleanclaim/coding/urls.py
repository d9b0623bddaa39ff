from django.urls import path

from cleanclaim.coding import views

app_name = "coding"
urlpatterns = [
    path("coding/", views.screen, name="screen"),
    path("coding/search/", views.search, name="search"),
    path("coding/pick/", views.pick, name="pick"),
    path("coding/remove/", views.remove, name="remove"),
    path("codes/<str:system>/<str:code>/", views.code_detail, name="code"),
    path("refdata/", views.refdata_status, name="refdata"),
]
