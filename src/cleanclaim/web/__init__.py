"""The Django project: settings, URLs, the Celery app, middleware and the UI shell."""

from cleanclaim.web.celery import app as celery_app

__all__ = ["celery_app"]
