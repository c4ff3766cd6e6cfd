"""Celery application. Without CELERY_BROKER_URL tasks run in-process (see settings)."""

import os

from celery import Celery

from ardesk.operations.metrics import connect_job_signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
app = Celery("ardesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
connect_job_signals()  # a worker's jobs are timed and their failures counted
