"""WSGI entry point for ARdesk."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
django.setup(set_prefix=False)

from ardesk.config.handler import Handler  # noqa: E402 (needs the apps loaded)

application = Handler()
