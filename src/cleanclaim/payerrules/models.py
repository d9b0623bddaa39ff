"""A payer's rule set and its versions. A version is the whole rule set as YAML text
(the payer rule language, :mod:`cleanclaim.edits.payer_rules_lang`), with who saved
it, when and why; versions are never changed or deleted (a revert adds a version)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Organisation


class RuleSet(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="payer_rule_sets"
    )
    payer = models.OneToOneField(Payer, on_delete=models.PROTECT, related_name="rule_set")

    tenant_path: ClassVar[str] = "organisation"

    class Meta:
        ordering = ["payer__name"]

    def __str__(self) -> str:
        return f"rules of {self.payer}"

    def audit_label(self) -> str:
        return f"payer rules {self.payer.payer_id}"

    def current(self) -> RuleVersion | None:
        return self.versions.order_by("-number").first()


class ImmutableVersion(Exception):
    pass


class RuleVersion(models.Model):
    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    why = models.CharField(max_length=300)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    author_label = models.CharField(max_length=254)
    created_at = models.DateTimeField(default=timezone.now)
    #: the version whose text this one restored (a revert), else None
    reverted_from = models.PositiveIntegerField(null=True, blank=True)

    tenant_path: ClassVar[str] = "rule_set__organisation"

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "number"], name="rule_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.rule_set.payer} rules v{self.number}"

    def audit_label(self) -> str:
        return f"payer rules {self.rule_set.payer.payer_id} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableVersion("a rule version is never changed: save a new version")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableVersion("a rule version is never deleted: revert to an earlier one")
