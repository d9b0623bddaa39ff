"""ASGI entry point (``cleanclaim.web.asgi:application``)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cleanclaim.web.settings")
application = get_asgi_application()
