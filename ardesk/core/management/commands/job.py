"""ardesk job TASK [ARG ...]: run one background job in this process (what a command started in the background runs).

    ardesk job ardesk.collections.tasks.deliver_run 42

TASK is a Celery task's name (its module and function); the arguments are whole numbers (ids).
"""

from __future__ import annotations

import importlib

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run one background job (a Celery task, by name, with whole-number arguments) in this process."

    def add_arguments(self, parser):
        parser.add_argument("task", help="The task's name, e.g. ardesk.collections.tasks.deliver_run")
        parser.add_argument("arguments", nargs="*", type=int, help="Its arguments (ids)")

    def handle(self, *args, **options):
        module_name, _, name = options["task"].rpartition(".")
        if not module_name.startswith("ardesk."):
            raise CommandError(f"{options['task']} is not an ARdesk task")
        try:
            task = getattr(importlib.import_module(module_name), name)
        except (ImportError, AttributeError) as exc:
            raise CommandError(f"No task {options['task']}") from exc
        if not hasattr(task, "apply"):
            raise CommandError(f"{options['task']} is not a task")
        task.apply(args=options["arguments"], throw=True)
