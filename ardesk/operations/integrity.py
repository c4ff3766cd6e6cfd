"""Integrity checks a restore needs: every stored file exists, and the encryption key reads the data.

A restore without the media folder or with another key looks healthy to the ledger's checks but
fails later with missing downloads or "encrypted value cannot be read"; these two find it at once.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection, models
from django.utils.translation import gettext as _

from ardesk.core import crypto
from ardesk.core import integrity as core_integrity
from ardesk.core.integrity import Problem
from ardesk.operations import database

KEY_SAMPLES_PER_FIELD = 20


def _file_fields():
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def stored_files() -> list[Problem]:
    """Rows whose stored file (attachment, evidence, letter, import, statement archive) is missing."""
    problems = []
    for model, field in _file_fields():
        missing = []
        stored = model._base_manager.exclude(**{field.name: ""}).exclude(**{f"{field.name}__isnull": True})
        for pk, name in stored.values_list("pk", field.name).order_by("pk").iterator():
            if not field.storage.exists(name):
                missing.append(pk)
        if missing:
            problems.append(
                Problem(
                    check=f"{model._meta.label_lower}.{field.name}.file",
                    description=_("%(model)s rows whose %(field)s file is missing from the media folder")
                    % {"model": model._meta.verbose_name, "field": field.verbose_name},
                    count=len(missing),
                    examples=missing[:5],
                )
            )
    return problems


def encryption_key() -> list[Problem]:
    """Encrypted values (bank accounts, ID numbers) of a sample the configured key cannot read."""
    problems = []
    for table, pk, column in database.encrypted_columns():
        with connection.cursor() as cursor:
            cursor.execute(database.sample_sql(table, pk, column, KEY_SAMPLES_PER_FIELD))
            rows = cursor.fetchall()
        unreadable = []
        for row_pk, token in rows:
            try:
                crypto.decrypt(token)
            except ValueError:
                unreadable.append(row_pk)
        if unreadable:
            problems.append(
                Problem(
                    check=f"{table}.{column}.key",
                    description=_(
                        "sampled encrypted values of %(column)s in %(table)s (of %(sampled)d) the configured key "
                        "cannot read: ARDESK_ENCRYPTION_KEY is missing or wrong"
                    )
                    % {"sampled": len(rows), "column": column, "table": table},
                    count=len(unreadable),
                    examples=unreadable[:5],
                )
            )
    return problems


CHECKS = [("operations.stored_files", stored_files), ("operations.encryption_key", encryption_key)]


def register() -> None:
    """Add these checks to ``ardesk integrity`` (from ``OperationsConfig.ready()``)."""
    core_integrity.register(CHECKS)
