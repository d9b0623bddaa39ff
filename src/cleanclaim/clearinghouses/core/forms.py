"""Settings of a CAQH CORE real-time connection (connectivity rule vC2.2.0)."""

from __future__ import annotations

from django import forms

from cleanclaim.clearinghouses.plugin_kit import PluginForm

CORE_FORMS = [("mime", "MIME multipart"), ("soap", "SOAP + WSDL")]


class SettingsForm(PluginForm):
    SECRET_FIELDS = ("core_password",)

    core_url = forms.URLField(assume_scheme="https", label="CORE URL")
    core_username = forms.CharField(max_length=100, label="Username")
    core_password = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.PasswordInput,
        label="Password",
        help_text="Blank keeps the stored one",
    )
    core_form = forms.ChoiceField(choices=CORE_FORMS, initial="mime", label="Envelope form")
    core_sender_id = forms.CharField(
        max_length=80, required=False, label="CORE SenderID", help_text="Blank: ISA06"
    )
    core_receiver_id = forms.CharField(
        max_length=80, required=False, label="CORE ReceiverID", help_text="Blank: ISA08"
    )
