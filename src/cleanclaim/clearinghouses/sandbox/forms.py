"""Settings of a sandbox connection: where ``cleanclaim sandbox serve`` listens."""

from __future__ import annotations

from django import forms

from cleanclaim.clearinghouses.plugin_kit import PluginForm


class SettingsForm(PluginForm):
    SECRET_FIELDS = ("password",)

    host = forms.CharField(max_length=255, initial="127.0.0.1")
    sftp_port = forms.IntegerField(min_value=1, max_value=65535, initial=2222, label="SFTP port")
    core_port = forms.IntegerField(min_value=1, max_value=65535, initial=8089, label="CORE port")
    username = forms.CharField(max_length=100)
    password = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.PasswordInput,
        help_text="Blank keeps the stored one",
    )
