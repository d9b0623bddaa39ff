from django.urls import path

from cleanclaim.denials import views

app_name = "denials"
urlpatterns = [
    path("", views.denial_list, name="list"),
    path("proposals/", views.proposal_list, name="proposals"),
    path("proposals/<int:pk>/decide/", views.proposal_decide, name="proposal_decide"),
    path("<int:pk>/", views.denial_detail, name="detail"),
    path("<int:pk>/act/", views.denial_act, name="act"),
    path("<int:pk>/appeal.pdf", views.appeal_pdf, name="appeal_pdf"),
]
