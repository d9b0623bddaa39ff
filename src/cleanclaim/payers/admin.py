from django.contrib import admin

from cleanclaim.payers.models import Payer


@admin.register(Payer)
class PayerAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "payer_id", "kind", "timely_amount", "timely_unit"]
    list_filter = ["organisation", "kind"]
