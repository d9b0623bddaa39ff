from django.urls import path

from cleanclaim.payercalls import views

app_name = "payercalls"
urlpatterns = [
    path("payers/<int:pk>/contacts/new/", views.contact_add, name="contact_add"),
    path("payers/contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path(
        "payers/contacts/<int:pk>/deactivate/",
        views.contact_deactivate,
        name="contact_deactivate",
    ),
    path("payers/<int:pk>/calls/", views.payer_calls, name="payer_calls"),
    path("payers/<int:pk>/calls/new/", views.call_new_for_payer, name="call_new"),
    path("patients/<int:pk>/calls/new/", views.call_new_for_patient, name="patient_call_new"),
    path("calls/<int:pk>/", views.call_detail, name="call"),
    path("calls/<int:pk>/done/", views.call_done, name="call_done"),
]
