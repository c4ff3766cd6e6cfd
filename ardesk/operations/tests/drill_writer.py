"""The load a restore drill backs up under: customers, their licence scans and invoices, written until told to stop.

Each round writes one customer (with an encrypted bank account), one attachment and one invoice in
one transaction, so a consistent backup holds as many of each. Run as
``python -m ardesk.operations.tests.drill_writer STOP_FILE COUNT_FILE`` with the installation's
environment; it writes the number of rounds committed to COUNT_FILE after each one.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n"


def main(stop_file: Path, count_file: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from ardesk.companies.models import Company
    from ardesk.customers import services as customers
    from ardesk.customers.domain import make_uscc
    from ardesk.ledger import services as ledger

    admin = get_user_model().objects.get(username="admin")
    company = Company.objects.get(code="SH01")
    issued = dt.date(2026, 11, 2)
    done = 0
    while not stop_file.exists():
        n = done + 1
        with transaction.atomic():
            customer = customers.customer_create(
                by=admin,
                company=company,
                code=f"D{n:05d}",
                name=f"演练客户{n}号贸易有限公司",
                uscc=make_uscc("91", "310115", f"{n:08d}"),
                bank_account=f"6222 0210 {n:08d}",
            )
            scan = PNG + f"licence of customer {n}".encode()
            customers.attachment_add(
                by=admin, customer=customer, upload=SimpleUploadedFile(f"licence-{n}.png", scan, "image/png")
            )
            ledger.document_post(
                by=admin,
                company=company,
                customer=customer,
                doc_type="invoice",
                number=f"INV{n:05d}",
                issue_on=issued,
                due_on=issued + dt.timedelta(days=30),
                currency="CNY",
                amount=f"{n}00.00",
            )
        done = n
        # Written aside, then moved into place: the test reads the count while this writes it, and must
        # never see the file empty.
        written = count_file.with_suffix(".tmp")
        written.write_text(str(done))
        os.replace(written, count_file)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
