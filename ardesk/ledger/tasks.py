"""Background work of the ledger: load by id, call one service."""

from __future__ import annotations

from celery import shared_task

from ardesk.core.jobs import set_progress
from ardesk.ledger import daily_totals
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.models import ImportBatch, ImportJob, ImportJobStatus


def _run(job: ImportJob, *, dry_run: bool):
    with job.file.open("rb") as handle:
        return run_import(
            kind=job.kind,
            handle=handle,
            file_name=job.file_name,
            company=job.company,
            user=job.created_by,
            dry_run=dry_run,
            progress=lambda rows: set_progress("import", job.pk, rows),
        )


@shared_task
def import_check(job_id: int) -> None:
    """Check an uploaded file without writing: every problem, line by line."""
    job = ImportJob.objects.select_related("company", "created_by").get(pk=job_id)
    if job.status != ImportJobStatus.CHECKING:
        return  # checked already: a redelivered message after its worker died
    try:
        report = _run(job, dry_run=True)
    except Exception as exc:
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.FAILED, report={"error": str(exc)})
        raise
    status = ImportJobStatus.CHECKED if report.ok else ImportJobStatus.REJECTED
    ImportJob.objects.filter(pk=job.pk).update(status=status, report=report.as_json())


@shared_task
def import_write(job_id: int) -> None:
    """Import a checked file in one transaction; the report says what was written.

    A worker killed mid-way leaves nothing written (the transaction never commits) and the job
    "importing"; the queue hands the job to another worker, which imports the file whole.
    """
    job = ImportJob.objects.select_related("company", "created_by").get(pk=job_id)
    if job.status != ImportJobStatus.IMPORTING:
        return  # imported already: a redelivered message after its worker died
    try:
        report = _run(job, dry_run=False)
    except Exception as exc:
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.FAILED, report={"error": str(exc)})
        raise
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJobStatus.DONE if report.ok else ImportJobStatus.REJECTED,
        report=report.as_json(),
        batch=ImportBatch.objects.filter(pk=report.batch_id).first(),
    )
    job.file.delete(save=False)


@shared_task
def statement_run(run_id: int) -> None:
    """Write the statements of a run into one zip archive, reporting progress as it goes."""
    import tempfile
    import zipfile
    from pathlib import Path

    from django.core.files import File

    from ardesk.core.jobs import set_progress
    from ardesk.ledger.models import StatementRun
    from ardesk.ledger.statement_files import statements_bulk

    run = StatementRun.objects.select_related("company").get(pk=run_id)
    try:
        with tempfile.TemporaryDirectory() as folder:

            def progress(done: int, total: int) -> None:
                set_progress("statements", run.pk, done)
                set_progress("statements-total", run.pk, total)

            paths = statements_bulk(
                company=run.company,
                date_from=run.date_from,
                date_to=run.date_to,
                out_dir=Path(folder) / "files",
                language=run.language,
                progress=progress,
                file_format=run.file_format,
            )
            archive = Path(folder) / f"statements-{run.company.code}-{run.date_from}-{run.date_to}.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
                for path in paths:
                    bundle.write(path, arcname=path.name)
            with archive.open("rb") as handle:
                run.archive.save(archive.name, File(handle), save=False)
        StatementRun.objects.filter(pk=run.pk).update(
            status=ImportJobStatus.DONE, statements=len(paths), archive=run.archive.name
        )
    except Exception as exc:
        StatementRun.objects.filter(pk=run.pk).update(status=ImportJobStatus.FAILED, error=str(exc)[:2000])
        raise


@shared_task(name="ledger.daily_totals_compact")
def daily_totals_compact() -> int:
    """Merge the ledger's daily totals appended since the last run into one row per day."""
    return daily_totals.totals_compact()
