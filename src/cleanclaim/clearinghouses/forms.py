"""The connection form: what every connection has (envelope ids, submitter, receiver,
usage) beside the plug-in's own settings form (``clearinghouses/<name>/forms.py``)."""

from __future__ import annotations

from typing import Any

from django import forms

from cleanclaim.clearinghouses.models import Connection
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import add_version_field

COMMON_FIELDS = (
    "name",
    "practice",
    "usage_indicator",
    "isa_sender_qualifier",
    "isa_sender_id",
    "isa_receiver_qualifier",
    "isa_receiver_id",
    "gs_sender",
    "gs_receiver",
    "submitter_name",
    "submitter_id",
    "submitter_contact",
    "submitter_phone",
    "receiver_name",
    "receiver_id",
    "active",
)


class ConnectionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Connection
        fields = COMMON_FIELDS
        help_texts = {
            "practice": "Blank: every practice of the organisation sends through it",
            "usage_indicator": "ISA15: T while testing with the clearinghouse, P in production",
        }

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation_id = organisation_id
        field = self.fields["practice"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Practice.objects.filter(organisation_id=organisation_id)
        field.empty_label = "Every practice"
        add_version_field(self)

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        taken = Connection.objects.filter(
            organisation_id=self.instance.organisation_id, name=name
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError("another connection has this name")
        return name


class SendForm(forms.Form):
    """``Send queued claims`` of one practice through one connection."""

    connection = forms.IntegerField(widget=forms.HiddenInput)
    practice = forms.IntegerField(widget=forms.HiddenInput)
