from django.urls import path

from cleanclaim.statements import views

app_name = "statements"
urlpatterns = [
    path("", views.run_list, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/mailing.csv", views.run_csv, name="run_csv"),
    path("<int:pk>/statement.pdf", views.statement_pdf, name="pdf"),
    path("<int:pk>/pay/", views.pay, name="pay"),
    path("patients/<int:pk>/ledger/", views.ledger_page, name="ledger"),
    path("refunds/", views.refund_list, name="refunds"),
    path("refunds/<int:pk>/", views.refund, name="refund"),
    path("settings/<int:pk>/", views.settings_page, name="settings"),
]
