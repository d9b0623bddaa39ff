"""Forms of the statement pages: run a cycle, a payment, a refund, the settings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from cleanclaim.money import MoneyError, parse_money

METHODS = (("check", "Check"), ("card", "Card"), ("cash", "Cash"), ("other", "Other"))


class MoneyField(forms.CharField):
    """An amount read with :func:`cleanclaim.money.parse_money`; more than zero."""

    def clean(self, value: Any) -> Decimal:
        text = super().clean(value)
        try:
            amount = parse_money(text, what="the amount")
        except MoneyError as exc:
            raise forms.ValidationError(str(exc), code="money") from None
        if amount <= 0:
            raise forms.ValidationError("the amount must be more than zero", code="money")
        return amount.quantize(Decimal("0.01"))


class RunForm(forms.Form):
    practice = forms.ChoiceField(label="Practice")
    statement_date = forms.DateField(
        label="Statement date", help_text="The cycle is its month: one statement per patient"
    )

    def __init__(self, *args: Any, practices: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practice"].choices = [(str(p.pk), p.name) for p in practices]
        self.fields["statement_date"].initial = dt.date.today()


class PaymentForm(forms.Form):
    amount = MoneyField(label="Amount paid", max_length=14)
    method = forms.ChoiceField(label="Method", choices=METHODS)
    reference = forms.RegexField(
        label="Receipt or check number",
        max_length=60,
        regex=r"^[^:]+$",
        help_text="Recording the same number twice records the payment once",
        error_messages={"invalid": "a number without ':'"},
    )


class RefundForm(forms.Form):
    amount = MoneyField(label="Amount refunded", max_length=14)
    method = forms.ChoiceField(label="Method", choices=METHODS)
    reference = forms.RegexField(
        label="Check or transaction number", max_length=60, regex=r"^[^:]+$"
    )
    memo = forms.CharField(label="Note", max_length=200, required=False)


class SettingsForm(forms.Form):
    message = forms.CharField(label="Message on statements", max_length=300, required=False)
    how_to_pay = forms.CharField(label="How to pay", max_length=300, required=False)
    small_balance_limit = forms.DecimalField(
        label="Small-balance limit",
        min_value=Decimal("0.00"),
        max_digits=8,
        decimal_places=2,
        help_text="A patient balance under this is written off instead of stated (0: never)",
    )
