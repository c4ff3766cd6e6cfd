"""WSGI entry point for ARdesk."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
django.setup(set_prefix=False)

from ardesk.config.handler import Handler  # noqa: E402 (needs the apps loaded)
from ardesk.operations.metrics import connect_job_signals  # noqa: E402

connect_job_signals()  # the jobs this process runs in its threads (and its scheduler's) are timed
application = Handler()
