"""Contacts in Django's admin for platform staff. Calls are not registered: a call
may name a patient, and PHI is read only through the app, where it is audited."""

from django.contrib import admin

from cleanclaim.payercalls.models import Contact


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "payer", "role", "phone", "active"]
    list_filter = ["role", "active"]
