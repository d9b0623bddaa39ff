"""``cleanclaim manage issue_api_token EMAIL NAME``: print a new API token once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cleanclaim.api.models import ApiToken
from cleanclaim.practices.models import User


class Command(BaseCommand):
    help = "Issue an API token for a user; the token is printed once and stored hashed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("name", help="what the token is for, e.g. 'clearinghouse sync'")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(email=options["email"].lower())
        except User.DoesNotExist:
            raise CommandError(f"no user with email {options['email']!r}") from None
        row, plain = ApiToken.issue(user, options["name"])
        self.stdout.write(f"{plain}\n")
        self.stderr.write(f"token {row.prefix}… for {user.email}: keep it secret, shown once\n")
