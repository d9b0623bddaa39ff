"""The visit form of the patient's page: a simple form (the keyboard-first coding screen
is a later piece of work); its fields are handed to ``actions.create_encounter``."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import RenderingProvider, ServiceLocation

#: Service line rows the form offers.
LINES = 6
LINE_FIELDS = ("procedure", "modifiers", "units", "charge", "pointers")


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,;]+", text.strip()) if w]


class EncounterForm(forms.Form):
    rendering_provider = forms.ModelChoiceField(queryset=RenderingProvider.objects.none())
    location = forms.ModelChoiceField(
        queryset=ServiceLocation.objects.none(), required=False, label="Service location"
    )
    service_from = forms.DateField(
        label="Date of service", widget=forms.DateInput(attrs={"type": "date"})
    )
    place_of_service = forms.CharField(
        max_length=2, required=False, help_text="Blank: the location's place of service"
    )
    diagnoses = forms.CharField(
        label="Diagnoses (ICD-10-CM, in order: A, B, C…)",
        help_text="e.g. I10 E11.9 — up to 12, separated by spaces",
    )
    prior_authorization = forms.CharField(max_length=50, required=False)

    def __init__(self, *args: Any, patient: Patient, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        practice = patient.practice
        field = self.fields["rendering_provider"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = RenderingProvider.objects.filter(practice=practice, active=True)
        where = self.fields["location"]
        assert isinstance(where, forms.ModelChoiceField)
        where.queryset = ServiceLocation.objects.filter(practice=practice)
        for n in range(1, LINES + 1):
            self.fields[f"line{n}_procedure"] = forms.CharField(
                max_length=5, required=False, label=f"Line {n} procedure"
            )
            self.fields[f"line{n}_modifiers"] = forms.CharField(
                max_length=20, required=False, label=f"Line {n} modifiers"
            )
            self.fields[f"line{n}_units"] = forms.CharField(
                max_length=10, required=False, label=f"Line {n} units"
            )
            self.fields[f"line{n}_charge"] = forms.CharField(
                max_length=12, required=False, label=f"Line {n} charge"
            )
            self.fields[f"line{n}_pointers"] = forms.CharField(
                max_length=12, required=False, label=f"Line {n} pointers"
            )

    def line_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"line{n}_{f}"] for f in LINE_FIELDS] for n in range(1, LINES + 1)]

    def action_fields(self) -> tuple[dict[str, Any], list[int]]:
        """The action's keyword arguments, and the form row of each line sent."""
        data = self.cleaned_data
        lines, rows = [], []
        for n in range(1, LINES + 1):
            if not any(str(data.get(f"line{n}_{f}") or "").strip() for f in LINE_FIELDS):
                continue
            charge = str(data[f"line{n}_charge"]).strip().replace("$", "").replace(",", "")
            lines.append(
                {
                    "procedure": data[f"line{n}_procedure"],
                    "modifiers": _words(data[f"line{n}_modifiers"]),
                    "units": str(data[f"line{n}_units"]).strip() or "1",
                    "charge": charge or None,
                    "pointers": list("".join(_words(data[f"line{n}_pointers"].upper()))),
                }
            )
            rows.append(n)
        fields = {
            "rendering_provider": data["rendering_provider"],
            "location": data["location"],
            "service_from": data["service_from"],
            "place_of_service": data["place_of_service"],
            "diagnoses": _words(data["diagnoses"]),
            "prior_authorization": data["prior_authorization"],
            "lines": lines,
        }
        return fields, rows

    def show_errors(self, errors: dict[str, list[str]], rows: list[int]) -> None:
        """Put each of the action's errors (``lines[0].charge``) beside its field."""
        for where, messages in errors.items():
            m = re.match(r"^lines\[(\d+)\]\.(\w+)$", where)
            name = where.split("[")[0]
            if m and int(m.group(1)) < len(rows) and m.group(2) in LINE_FIELDS:
                name = f"line{rows[int(m.group(1))]}_{m.group(2)}"
            elif m:
                name = f"line{rows[int(m.group(1))]}_procedure" if rows else "__all__"
            target = name if name in self.fields else None
            for message in messages:
                self.add_error(target, f"{where}: {message}" if target is None else message)
        if not rows:
            self.add_error(None, "Enter at least one service line.")
