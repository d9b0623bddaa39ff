"""``manage dbshell`` with a warning, and its use recorded outside the app.

Whatever is typed in the database's own shell bypasses the app and its audit trail
(the append-only triggers still refuse UPDATE and DELETE on the trail itself). The
session's start, who and on which database, is appended to the log outside the app
(:mod:`cleanclaim.audit.outside`).
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands import dbshell

from cleanclaim.audit import outside


class Command(dbshell.Command):
    help = dbshell.Command.help + f" Its use is recorded in var/{outside.FILENAME}."

    def handle(self, **options: Any) -> None:
        path = outside.append("dbshell", database=options["database"])
        self.stderr.write(
            "warning: changes made in the database shell bypass cleanclaim's audit trail; "
            f"this session is recorded in {path}"
        )
        super().handle(**options)
