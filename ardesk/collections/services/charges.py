"""Dunning charges (催收费用与逾期利息): a notice's fee and interest are waived unless a manager charges them.

Charging posts a debit note for the fee and the interest through the ledger's ordinary document
posting (so every rule of the ledger applies to it, a closed period included); the notice keeps the
debit note, and a notice is charged once.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import DunningRun, Notice, NoticeCharges
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.core import clock
from ardesk.core.money import from_minor
from ardesk.ledger import services as ledger_services

CHARGE_PERMISSION = "collections.charge_notice"


@transaction.atomic
def notice_charge(*, by, notice: Notice) -> Notice:
    """Charge a notice's fee and interest to the customer by a debit note dated today, due at once."""
    ensure_permission(by, CHARGE_PERMISSION)
    ensure_company_access(by, notice.company_id)
    # Locked so that two managers charging at once post one debit note, not two.
    notice = Notice.objects.select_for_update().select_related("company", "customer").get(pk=notice.pk)
    if notice.charges == NoticeCharges.CHARGED:
        raise CollectionsError(_("This notice's charges are already charged."))
    if not notice.charges_total:
        raise CollectionsError(_("This notice has no fee or interest to charge."))
    today = clock.today()
    debit_note = ledger_services.document_post(
        by=by,
        company=notice.company,
        customer=notice.customer,
        doc_type="debit_note",
        number=f"DN-N{notice.pk:07d}",
        issue_on=today,
        due_on=today,
        currency=notice.currency,
        amount=from_minor(notice.charges_total, notice.currency),
        description=_("Dunning charges of the notice of %(date)s: fee %(fee)s, interest %(interest)s")
        % {
            "date": notice.notice_on.isoformat(),
            "fee": from_minor(notice.fee, notice.currency),
            "interest": from_minor(notice.interest, notice.currency),
        },
        check_access=False,
    )
    notice.charges, notice.debit_note = NoticeCharges.CHARGED, debit_note
    notice.save(update_fields=["charges", "debit_note"])
    record(
        action="collections.notice.charge",
        actor=by,
        target=notice,
        before={"charges": NoticeCharges.WAIVED},
        after={
            "charges": NoticeCharges.CHARGED,
            "debit_note": debit_note.number,
            "fee": notice.fee,
            "interest": notice.interest,
        },
    )
    return notice


def run_charge(*, by, run: DunningRun) -> list[Notice]:
    """Charge every notice of a run whose charges are still waived; all or nothing."""
    ensure_permission(by, CHARGE_PERMISSION)
    ensure_company_access(by, run.company_id)
    with transaction.atomic():
        waived = Notice.objects.filter(run_id=run.pk, charges=NoticeCharges.WAIVED).order_by("id")
        return [notice_charge(by=by, notice=notice) for notice in waived]
