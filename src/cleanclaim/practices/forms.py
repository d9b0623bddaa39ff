"""User and role forms for the in-app admin: one role field per practice."""

from __future__ import annotations

from typing import Any

from django import forms

from cleanclaim.practices import passwords
from cleanclaim.practices.models import Practice, RenderingProvider, ServiceLocation, User
from cleanclaim.tenancy.concurrency import add_version_field
from cleanclaim.tenancy.permissions import Role

NO_ROLE = [("", "no role")]


class RolesForm(forms.Form):
    """A role select per practice the admin manages, and whether the user may sign in."""

    active = forms.BooleanField(label="May sign in", required=False, initial=True)

    def __init__(
        self, *args: Any, practices: list[Practice], user: User | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.practices = practices
        current = {}
        if user is not None:
            current = dict(user.memberships.values_list("practice_id", "role"))
            self.fields["active"].initial = user.is_active
        for practice in practices:
            self.fields[f"role_{practice.pk}"] = forms.ChoiceField(
                label=f"Role at {practice.name}",
                choices=NO_ROLE + list(Role.choices),
                required=False,
                initial=current.get(practice.pk, ""),
            )

    def roles(self) -> dict[Practice, str]:
        return {p: self.cleaned_data[f"role_{p.pk}"] for p in self.practices}


class InviteForm(RolesForm):
    """Who to invite and their role per practice (at least one)."""

    email = forms.EmailField()
    full_name = forms.CharField(max_length=100, label="Full name")

    field_order = ["email", "full_name"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["active"]  # an invitation makes no one inactive

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(f"role_{p.pk}") for p in self.practices):
            raise forms.ValidationError("Choose a role at one practice at least.", code="no_role")
        return cleaned


class AcceptInvitationForm(forms.Form):
    """An invited person's name and first password (every validator, with their
    name and the invited email for the similarity check)."""

    full_name = forms.CharField(max_length=100, label="Your full name")
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters, not like your name or email.",
    )
    password2 = forms.CharField(
        label="The same password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ.")
        elif first:
            try:
                passwords.check(first, email=self.email, full_name=cleaned.get("full_name", ""))
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class PracticeForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = [
            "name",
            "legal_name",
            "npi",
            "tin",
            "taxonomy",
            "address_line1",
            "address_line2",
            "city",
            "state",
            "zip_code",
            "phone",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_version_field(self)


class ProviderForm(forms.ModelForm):
    class Meta:
        model = RenderingProvider
        fields = ["first_name", "last_name", "credential", "npi", "taxonomy", "active"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_version_field(self)


class LocationForm(forms.ModelForm):
    class Meta:
        model = ServiceLocation
        fields = [
            "name",
            "address_line1",
            "address_line2",
            "city",
            "state",
            "zip_code",
            "place_of_service",
            "npi",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_version_field(self)
