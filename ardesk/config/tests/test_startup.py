"""What commands load (issue 28): a read-only report starts without the web's and the jobs' libraries, and the
checks of ``ardesk init`` do not load the API or scikit-learn; the web application still times its jobs.

Each check runs in a fresh interpreter, since this test process has long imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# Libraries only the web process, the jobs, the documents or the imports need.
HEAVY = [
    "pydantic",  # the API's schemas (django-ninja)
    "ninja",
    "celery",
    "kombu",
    "prometheus_client",
    "reportlab",
    "openpyxl",
    "pypinyin",
    "sklearn",
    "numpy",
    "markdown",
    "rapidfuzz",
    "PIL",
    "django.test",
]

LOAD_COMMANDS = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
import django
django.setup()
from django.core.management import get_commands, load_command_class
for name in ("report", "dunning"):
    load_command_class(get_commands()[name], name).create_parser("ardesk", name)
print(json.dumps(sorted(sys.modules)))
"""

WRITING_COMMAND_CHECKS = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
import django
django.setup()
from django.core.management import get_commands, load_command_class
command = load_command_class(get_commands()[sys.argv[1]], sys.argv[1])
tags = command.requires_system_checks
command.check(**({} if tags == "__all__" else {"tags": tags}))  # as Django runs a command's checks
print(json.dumps(sorted(sys.modules)))
"""

LOAD_WEB_APPLICATION = """
import json
import ardesk.config.wsgi
from celery.signals import task_failure, task_postrun, task_prerun
print(json.dumps([[key[0] for key, _receiver in s.receivers] for s in (task_prerun, task_postrun, task_failure)]))
"""


def run_python(code: str, tmp_path, *args: str) -> object:
    env = {**os.environ, "ARDESK_DATA_DIR": str(tmp_path)}
    env.pop("CELERY_BROKER_URL", None)
    result = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_the_report_and_dunning_commands_start_without_the_web_the_jobs_or_the_documents_libraries(tmp_path):
    loaded = set(run_python(LOAD_COMMANDS, tmp_path))
    assert [module for module in HEAVY if module in loaded] == []


@pytest.mark.parametrize("command", ["init", "import"])
def test_the_checks_of_init_and_import_leave_the_api_and_the_learning_libraries_unloaded(tmp_path, command):
    loaded = set(run_python(WRITING_COMMAND_CHECKS, tmp_path, command))
    assert [module for module in ("pydantic", "ninja", "sklearn", "scipy") if module in loaded] == []


def test_the_web_application_times_the_jobs_it_runs(tmp_path):
    started, finished, failed = run_python(LOAD_WEB_APPLICATION, tmp_path)
    assert "ardesk.operations.job_started" in started
    assert "ardesk.operations.job_finished" in finished
    assert "ardesk.operations.job_failed" in failed
