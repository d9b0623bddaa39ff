"""The Celery app. Configured from Django settings (``CELERY_*``).

With no ``CELERY_BROKER_URL`` the settings turn on ``task_always_eager`` so a
task's ``.delay()`` runs in the calling process and ``make run`` needs no
broker. Start workers with
``celery -A cleanclaim.web.celery worker`` when a broker is configured.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")

app = Celery("cleanclaim")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
