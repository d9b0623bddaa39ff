"""Settings of an SFTP clearinghouse account. Folder names and file patterns are
settings because clearinghouses differ (and some name the folders from their side:
their "outbound" is our inbound)."""

from __future__ import annotations

from django import forms

from cleanclaim.clearinghouses.plugin_kit import PluginForm

AFTER_COLLECT = [
    ("archive", "Move to the archive folder"),
    ("delete", "Delete"),
    ("keep", "Leave in place"),
]


class SettingsForm(PluginForm):
    SECRET_FIELDS = ("password", "private_key", "core_password")

    host = forms.CharField(max_length=255)
    port = forms.IntegerField(min_value=1, max_value=65535, initial=22)
    username = forms.CharField(max_length=100)
    password = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.PasswordInput,
        help_text="Blank keeps the stored one",
    )
    private_key = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="PEM text of a private key (instead of or beside a password); blank keeps it",
    )
    inbound_dir = forms.CharField(
        max_length=200, initial="inbound", help_text="Where we upload claim files"
    )
    outbound_dir = forms.CharField(
        max_length=200, initial="outbound", help_text="Where the clearinghouse leaves its answers"
    )
    temp_suffix = forms.CharField(
        max_length=20, initial=".part", help_text="Uploads go under this suffix, then are renamed"
    )
    collect_patterns = forms.CharField(
        max_length=200,
        initial="*.999 *.ta1 *.277 *.835 *.x12",
        help_text="File names to collect from the outbound folder, space-separated",
    )
    after_collect = forms.ChoiceField(choices=AFTER_COLLECT, initial="archive")
    archive_dir = forms.CharField(max_length=200, initial="archive")
    timeout = forms.FloatField(min_value=1, max_value=300, initial=30)
    core_url = forms.URLField(
        assume_scheme="https",
        required=False,
        label="CORE real-time URL",
        help_text="Blank: no real-time requests",
    )
    core_username = forms.CharField(max_length=100, required=False, label="CORE username")
    core_password = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.PasswordInput,
        label="CORE password",
        help_text="Blank keeps the stored one",
    )
