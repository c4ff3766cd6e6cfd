"""Running an import: one streamed pass, written in one transaction, or nothing at all.

Rows are read in chunks, so memory stays flat however long the file is. Every chunk is checked;
while the file is clean the chunk is written at once. At the first bad row writing stops, the
check goes on to the end (the report names every bad row), and the transaction is rolled back.
A dry run only checks.
"""

from __future__ import annotations

import hashlib
from typing import IO

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.models import Company
from ardesk.core.bulk import refresh_statistics
from ardesk.core.errors import ApplicationError, NotPermitted
from ardesk.customers.models import Customer
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.allocations import AllocationImporter
from ardesk.ledger.imports.base import Importer, ImportReport, Problem, Progress, chunks
from ardesk.ledger.imports.credits import CreditNoteImporter, LinesChanged, ReceiptImporter
from ardesk.ledger.imports.customers import CustomerImporter
from ardesk.ledger.imports.documents import InvoiceImporter
from ardesk.ledger.imports.reader import FileProblem, open_table
from ardesk.ledger.models import Allocation, Document, DueLine, ImportBatch
from ardesk.ledger.signals import ledger_imported

IMPORTERS: dict[str, type[Importer]] = {
    "customers": CustomerImporter,
    "invoices": InvoiceImporter,
    "receipts": ReceiptImporter,
    "credit-notes": CreditNoteImporter,
    "allocations": AllocationImporter,
}

__all__ = ["IMPORTERS", "ImportReport", "Problem", "register", "run_import"]


def register(importer: type[Importer], *, columns: list[formats.Column], label, field_labels: dict) -> None:
    """Add a kind of import that a higher context owns (credit limits): its importer, columns and labels.

    The context calls this from its ``AppConfig.ready()``; the command, the import screen and the API
    then offer the kind like the ledger's own, run all or nothing in the same engine.
    """
    IMPORTERS[importer.kind] = importer
    formats.KINDS[importer.kind] = columns
    formats.KIND_LABELS[importer.kind] = label
    for name, field_label in field_labels.items():
        formats.FIELD_LABELS.setdefault(name, field_label)


def _sha256(handle: IO[bytes]) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
    handle.seek(0)
    return digest.hexdigest()


def _pass(importer: Importer, handle: IO[bytes], file_name: str, progress: Progress | None) -> None:
    handle.seek(0)
    table = open_table(handle, file_name)
    positions, problems = formats.header_map(importer.kind, table.headers)
    for problem in problems:
        importer.report.add(1, "header", problem)
    if problems:
        return
    importer.report.encoding = table.encoding
    importer.positions = positions
    importer.start()
    try:
        for chunk in chunks(table):
            importer.chunk_cells(chunk)
            importer.report.rows += len(chunk)
            if progress is not None:
                progress(importer.report.rows)
        importer.finish()
    finally:
        importer.close()


# The key of the PostgreSQL advisory lock that makes the imports into one company take turns
# (the second argument is the company's id); "AR" "IM" in ASCII.
IMPORT_LOCK = 0x4152494D


def _take_turns(company: Company) -> None:
    """Wait until no other import into this company is writing, for the rest of the transaction.

    Two imports of the same file at the same moment would both find its documents new and the
    second would hit the unique numbers; taking turns, the second starts when the first has
    committed and finds them already imported (unchanged). SQLite lets one writer in at a time.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [IMPORT_LOCK, company.pk])


def run_import(
    *,
    kind: str,
    handle: IO[bytes],
    file_name: str,
    company: Company,
    user,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a whole file, or nothing; the report says what was (or would be) written and every problem."""
    if kind not in IMPORTERS:
        raise ApplicationError(_("Unknown import kind %(kind)s.") % {"kind": kind}, field="kind")
    if not user.has_perm(IMPORTERS[kind].permission):
        raise NotPermitted(_("Your role may not import this kind of file."))
    report = ImportReport(kind=kind, file_name=file_name, dry_run=dry_run)
    importer = IMPORTERS[kind](company=company, user=user, report=report)
    importer.alone = not connection.in_atomic_block
    try:
        if dry_run:
            _pass(importer, handle, file_name, progress)
            return report
        with transaction.atomic():
            _take_turns(company)
            batch = ImportBatch.objects.create(
                company=company,
                kind=kind,
                file_name=file_name[:255],
                sha256=_sha256(handle),
                created_by=user,
                status="done",
            )
            importer.batch, importer.writing = batch, True
            _pass(importer, handle, file_name, progress)
            if not report.ok:
                transaction.set_rollback(True)
                return report
            batch.rows, batch.created, batch.unchanged = report.rows, report.created, report.unchanged
            batch.save(update_fields=["rows", "created", "unchanged"])
            record(
                action="import.run",
                actor=user,
                object_type="ledger.importbatch",
                object_id=str(batch.pk),
                object_repr=f"{kind} {file_name}"[:255],
                company_id=company.pk,
                after={
                    "kind": kind,
                    "file": file_name,
                    "sha256": batch.sha256,
                    "rows": report.rows,
                    "created": report.created,
                    "unchanged": report.unchanged,
                    "updated": report.updated,
                },
            )
    except FileProblem as exc:
        report.add(0, "file", str(exc))
        return report
    except LinesChanged:
        report.add(
            0,
            "file",
            _(
                "Someone allocated to invoices of this file while it was being imported: nothing was imported. "
                "Import the file again to allocate it to what is open now."
            ),
        )
        return report
    except (IntegrityError, connection.Database.IntegrityError):
        # A number or reference written by someone else (a user posting by hand) after the check
        # read the ledger: the transaction is rolled back, and a new run will see that document.
        report.add(
            0,
            "file",
            _(
                "Some of these documents were entered at the same moment by someone else: nothing was imported. "
                "Import the file again: documents already in the ledger count as unchanged, changed ones as conflicts."
            ),
        )
        return report
    report.batch_id = batch.pk
    report.written = report.created > 0 or report.updated > 0
    if report.written and importer.ledger_documents:
        refresh_statistics(Customer, Document, DueLine, Allocation)
        ledger_imported.send(sender=run_import, kind=kind, company=company)
    return report
