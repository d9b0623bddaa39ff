"""A person's own account: accept an invitation, change password, enrol an
authenticator app, and the second-factor step after signing in (see
:mod:`cleanclaim.web.twofactor`).

Each change is audited on the user ("password changed", "authenticator app
enrolled"); no password, secret or code is ever written to the entry.
"""

from __future__ import annotations

import base64
from typing import Any

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.practices import invitations
from cleanclaim.practices.forms import AcceptInvitationForm
from cleanclaim.tenancy.guards import signed_in
from cleanclaim.web.twofactor import is_verified, required


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(str(self.cleaned_data["code"]).split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError("Enter the 6 digits your app shows.", code="format")
        return code


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


def _audit(request: HttpRequest, event: str, changes: dict[str, Any]) -> None:
    record(
        Actor.from_request(request),
        "update",
        request.user,
        changes=changes,
        context={"event": event},
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view (old password, new twice, every validator with the user's name
    and email); the session stays signed in (``update_session_auth_hash``)."""

    template_name = "web/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        _audit(self.request, "password changed", {"password": "changed"})
        messages.success(self.request, "Your password was changed.")
        return response


def _wrong_code(device: TOTPDevice, code: str) -> str | None:
    """None when ``code`` is right for ``device``; else what to tell the person
    (django-otp throttles: after a wrong code the next try must wait)."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        until = (info or {}).get("locked_until")
        when = f"{until:%H:%M:%S} UTC" if until else "a moment"
        return f"Too many wrong codes: wait until {when} and try again."
    if device.verify_token(code):
        return None
    return "That code is not right: check the app's clock and try again."


def _secret(device: TOTPDevice) -> str:
    text = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@require_http_methods(["GET", "POST"])
@signed_in
def enrol(request: HttpRequest) -> HttpResponse:
    """Show a new secret (QR code and text) and confirm it with a first code."""
    user = request.user
    if any(devices_for_user(user, confirmed=True)):
        if not is_verified(user):
            return redirect("account:verify")
        messages.info(request, "You already use an authenticator app.")
        return redirect("home")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _wrong_code(device, form.cleaned_data["code"])
        if error is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            _audit(request, "authenticator app enrolled", {"second_factor": "totp enrolled"})
            messages.success(request, "Your authenticator app is set up.")
            return redirect(_next(request))
        form.add_error("code", error)
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code")
    return render(
        request,
        "web/two_factor_enrol.html",
        {
            "form": form,
            "qr": mark_safe(qr),  # segno's own SVG of the otpauth URL: no user input
            "secret": _secret(device),
            "required": required(user),
            "next": request.GET.get("next", ""),
        },
    )


@require_http_methods(["GET", "POST"])
@signed_in
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the enrolled app."""
    user = request.user
    if is_verified(user):
        return redirect(_next(request))
    devices = list(devices_for_user(user, confirmed=True))
    if not devices:
        return redirect("account:enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        errors = []
        for device in devices:
            error = _wrong_code(device, form.cleaned_data["code"])
            if error is None:
                otp_login(request, device)
                return redirect(_next(request))
            errors.append(error)
        # With several devices, "not right" from one beats "wait" from another.
        not_right = [e for e in errors if not e.startswith("Too many")]
        form.add_error("code", (not_right or errors)[0])
    return render(
        request,
        "web/two_factor_verify.html",
        {"form": form, "next": request.GET.get("next", "")},
    )


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest) -> HttpResponse:
    """The public page an invitation's link opens (``?token=``; the form posts it back,
    so the token is never in a path an access log keeps). Nobody holds the address:
    choose a password, and the account is made and signed in (administrators enrol
    a second factor next). A person of the inviting organisation: sign in as them,
    then confirm. Anything else — no such link, used, expired, cancelled, or an
    address of another organisation — gets one answer (400)."""
    token = request.POST.get("token") or request.GET.get("token") or ""
    found = invitations.find(token)
    kind, holder = invitations.addressee(found) if found else (None, None)
    context: dict[str, Any] = {"token": token, "invitation": found}
    if found is None or kind == invitations.ELSEWHERE:
        context.update(step="invalid", invalid=invitations.INVALID)
        return render(request, "web/invitation.html", context, status=400)
    context["roles"] = "; ".join(str(r) for r in found.roles.select_related("practice"))
    if kind == invitations.MEMBER:
        return _accept_as_member(request, token, holder, context)
    form = AcceptInvitationForm(
        request.POST or None, email=found.email, initial={"full_name": found.full_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept_as_new_user(
                token,
                Actor.from_request(request),
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except invitations.InvalidInvitation as exc:  # used up meanwhile
            context.update(step="invalid", invalid=exc.messages[0])
            return render(request, "web/invitation.html", context, status=400)
        except forms.ValidationError as exc:
            form.add_error("password1", exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.full_name}: your account is ready.")
            return redirect("account:enrol" if required(user) else "home")
    context.update(step="set_password", form=form)
    return render(request, "web/invitation.html", context)


def _accept_as_member(
    request: HttpRequest, token: str, holder: Any, context: dict[str, Any]
) -> HttpResponse:
    if not request.user.is_authenticated:
        next_url = f"{reverse('account:invitation')}?{urlencode({'token': token})}"
        context.update(step="sign_in", login_query=urlencode({"next": next_url}))
        return render(request, "web/invitation.html", context)
    if request.user.pk != holder.pk:
        context["step"] = "other_account"
        return render(request, "web/invitation.html", context, status=403)
    if request.method == "POST":
        try:
            invitations.accept_as_member(token, Actor.from_request(request))
        except forms.ValidationError as exc:  # used up meanwhile, or the last administrator
            context["error"] = " ".join(exc.messages)
        else:
            messages.success(request, f"You now work as: {context['roles']}.")
            return redirect("home")
    context["step"] = "confirm"
    return render(request, "web/invitation.html", context)
