"""ARdesk: customer credit and receivables management.

The Celery application is loaded here only when a broker is configured (CELERY_BROKER_URL): then
``task.delay`` needs it to be the current application. Without a broker the background jobs run
in this process (``task.apply``) and every command starts without importing Celery.
"""

import os

if os.environ.get("CELERY_BROKER_URL"):
    from ardesk.config.celery import app as celery_app

    __all__ = ["celery_app"]
