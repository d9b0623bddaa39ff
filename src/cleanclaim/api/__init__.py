"""The JSON API (Django Ninja) at ``/api/``: session or token auth, scoped."""
