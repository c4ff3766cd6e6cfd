"""The portal's reads: what a link shows the customer, and the staff's lists of links and confirmations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from ardesk.collections.models import Dispute, PromiseToPay
from ardesk.companies.access import ensure_permission
from ardesk.companies.selectors import company_ids_for
from ardesk.core.errors import NotFound
from ardesk.core.exports import ReportTable
from ardesk.core.money import from_minor, to_minor
from ardesk.customers.models import Contact, Customer
from ardesk.ledger import selectors as ledger
from ardesk.ledger.models import Document, DocumentType, DueLine
from ardesk.ledger.statements import statement
from ardesk.portal import domain
from ardesk.portal.models import (
    BalanceConfirmation,
    ConfirmationStatus,
    CustomerStatementSetting,
    PortalAccess,
    PortalLink,
    RecipientStatus,
    StatementFrequency,
    StatementRecipient,
    StatementRun,
    StatementSchedule,
)
from ardesk.relations.models import SurveyInvitation

SHOWN = 50  # promises, disputes and confirmations listed on the customer's page
DOCUMENTS_SHOWN = 10  # the latest documents listed on the customer's page (the statement has them all)
SURVEYS_SHOWN = 10  # the contact's survey invitations listed (open first, then the answered)
# The documents a customer may open as PDF: all it was sent or paid, not the bad-debt bookings
# (a write-off and its recovery are the company's own entries).
DOCUMENT_TYPES = frozenset(DocumentType.values) - {DocumentType.WRITE_OFF, DocumentType.RECOVERY}
ITEMS_PER_PAGE = 50  # open items on one page of the customer's overview


def _open_lines(customer: Customer, *, as_of: dt.date) -> QuerySet[DueLine]:
    return (
        ledger.open_lines(as_of=as_of, customer_ids=[customer.pk], company_ids=[customer.company_id])
        .select_related("document")
        .order_by("due_on", "id")
    )


def _with_days_overdue(lines, as_of: dt.date):
    for line in lines:
        line.days_overdue = domain.days_overdue(line.due_on, as_of)
    return lines


def open_items(customer: Customer, *, as_of: dt.date) -> list[DueLine]:
    """The customer's items open on a day, oldest due first, each with ``open_amount`` and ``days_overdue``."""
    return _with_days_overdue(list(_open_lines(customer, as_of=as_of)), as_of)


def open_items_page(customer: Customer, *, as_of: dt.date, page: str | int | None) -> Page:
    """One page of the customer's open items (the overview), read page by page in SQL."""
    found = Paginator(_open_lines(customer, as_of=as_of), ITEMS_PER_PAGE).get_page(page)
    _with_days_overdue(found.object_list, as_of)
    return found


def balances(customer: Customer, *, as_of: dt.date) -> dict[str, int]:
    """The customer's balance per currency on a day (minor units), as the statement of account gives it."""
    read = statement(customer=customer, date_from=as_of, date_to=as_of)
    return {section.currency: to_minor(section.closing, section.currency) for section in read.sections}


@dataclass(frozen=True)
class Overview:
    """What the customer sees on opening its link."""

    link: PortalLink
    as_of: dt.date
    balances: dict[str, int]
    items: Page
    promises: list[PromiseToPay]
    disputes: list[Dispute]
    confirmations: list[BalanceConfirmation]
    bank_lines: list[tuple[str, str]]
    documents: list[Document]
    surveys: list[SurveyInvitation]
    document_types: frozenset[str] = DOCUMENT_TYPES


def overview(link: PortalLink, *, as_of: dt.date, page: str | int | None = None) -> Overview:
    customer = link.customer
    return Overview(
        link=link,
        as_of=as_of,
        balances=balances(customer, as_of=as_of),
        items=open_items_page(customer, as_of=as_of, page=page),
        promises=list(PromiseToPay.objects.filter(customer=customer).order_by("-made_on", "-id")[:SHOWN]),
        disputes=list(Dispute.objects.filter(customer=customer).order_by("-opened_on", "-id")[:SHOWN]),
        confirmations=list(BalanceConfirmation.objects.filter(customer=customer).order_by("-answered_at")[:SHOWN]),
        bank_lines=link.company.bank_lines(),
        documents=_with_shown_amount(documents_of(link)[:DOCUMENTS_SHOWN]),
        surveys=surveys_of(link, as_of=as_of),
    )


def _with_shown_amount(documents) -> list[Document]:
    """Each document with ``shown_amount``: its amount without the ledger's sign (a receipt's is negative)."""
    documents = list(documents)
    for document in documents:
        document.shown_amount = abs(document.amount)
    return documents


def documents_of(link: PortalLink) -> QuerySet[Document]:
    """The posted documents of the link's customer and company the customer may open, latest first."""
    return ledger.posted(
        Document.objects.filter(customer_id=link.customer_id, company_id=link.company_id, doc_type__in=DOCUMENT_TYPES)
    ).order_by("-issue_on", "-id")


def document_of(link: PortalLink, document_id: int) -> Document | None:
    """One document of the link's customer and company, or None (another customer's, a draft, an internal one)."""
    return (
        documents_of(link)
        .select_related("company", "customer", "payment_term", "reversal_of")
        .filter(pk=document_id)
        .first()
    )


def surveys_of(link: PortalLink, *, as_of: dt.date) -> list[SurveyInvitation]:
    """The surveys the link's contact was invited to: still open (not answered, not expired), then answered."""
    invitations = SurveyInvitation.objects.filter(
        contact_id=link.contact_id, customer_id=link.customer_id, company_id=link.company_id
    ).select_related("survey__template")
    pending = invitations.filter(answered_at__isnull=True, survey__expires_on__gte=as_of).order_by("survey__expires_on")
    answered = invitations.filter(answered_at__isnull=False).order_by("-answered_at")
    return [*pending[:SURVEYS_SHOWN], *answered[:SURVEYS_SHOWN]]


def survey_of(link: PortalLink, invitation_id: int, *, as_of: dt.date) -> SurveyInvitation | None:
    """An open invitation of the link's contact, or None (another contact's, answered, expired)."""
    return (
        SurveyInvitation.objects.filter(
            pk=invitation_id,
            contact_id=link.contact_id,
            customer_id=link.customer_id,
            company_id=link.company_id,
            answered_at__isnull=True,
            survey__expires_on__gte=as_of,
        )
        .select_related("survey__template", "customer")
        .first()
    )


# --- for the staff ----------------------------------------------------------------------------


def customer_for(user, customer_id: int) -> Customer:
    """A customer of a company granted to the user, else not found."""
    ensure_permission(user, "portal.view_portallink")
    customer = (
        Customer.objects.select_related("company").filter(pk=customer_id, company_id__in=company_ids_for(user)).first()
    )
    if customer is None:
        raise NotFound(_("Customer %(id)s does not exist or is not visible to you.") % {"id": customer_id})
    return customer


def links_of(customer: Customer) -> QuerySet[PortalLink]:
    return PortalLink.objects.filter(customer=customer).select_related("created_by", "revoked_by")


def contacts_of(customer: Customer) -> QuerySet[Contact]:
    return Contact.objects.filter(customer=customer).order_by("-is_primary", "name")


def accesses_of(customer: Customer, *, limit: int = 50) -> list[PortalAccess]:
    return list(PortalAccess.objects.filter(link__customer=customer).select_related("link")[:limit])


def is_usable(link: PortalLink, today: dt.date) -> bool:
    """Whether the link still opens the portal (the staff's list; the public pages ask services)."""
    problem = domain.link_problem(
        expires_on=link.expires_on,
        is_revoked=link.revoked_at is not None,
        has_contact=link.contact_id is not None,
        today=today,
    )
    return problem is None


def link_for(user, link_id: int) -> PortalLink:
    ensure_permission(user, "portal.view_portallink")
    link = PortalLink.objects.filter(pk=link_id, company_id__in=company_ids_for(user)).first()
    if link is None:
        raise NotFound(_("Link %(id)s does not exist or is not visible to you.") % {"id": link_id})
    return link


def confirmations_for(user, *, date_from: dt.date, date_to: dt.date, status: str = "") -> QuerySet[BalanceConfirmation]:
    """The balance confirmations of the user's companies answered in a period (the audit-confirmation report)."""
    ensure_permission(user, "portal.view_balanceconfirmation")
    confirmations = BalanceConfirmation.objects.filter(
        company_id__in=company_ids_for(user), as_of__range=(date_from, date_to)
    ).select_related("company", "customer")
    if status:
        confirmations = confirmations.filter(status=status)
    return confirmations.prefetch_related("differences__line__document").order_by(
        "company__code", "customer__code", "-answered_at"
    )


def confirmations_table(confirmations, *, date_from: dt.date, date_to: dt.date) -> ReportTable:
    """The audit-confirmation report as a table: each answer with its balance, contact and differences."""
    rows = []
    for c in confirmations[:20000]:
        differences = "; ".join(
            f"{d.line.document.number}: {from_minor(d.their_amount, c.currency):,}" for d in c.differences.all()
        )
        rows.append(
            [
                c.company.code,
                c.customer.code,
                c.customer.name,
                c.as_of,
                c.currency,
                from_minor(c.balance, c.currency),
                str(c.get_status_display()),
                c.contact_name,
                differences,
            ]
        )
    return ReportTable(
        title=_("Balance confirmations"),
        subtitle=[f"{date_from:%Y-%m-%d} – {date_to:%Y-%m-%d}"],
        headers=[
            _("Company"),
            _("Customer code"),
            _("Customer"),
            _("Balance as of"),
            _("Currency"),
            _("Balance per our books"),
            _("Answer"),
            _("Contact"),
            _("Differences (customer's amounts)"),
        ],
        rows=rows,
    )


# --- statement runs ---------------------------------------------------------------------------


def statement_runs_for(user) -> QuerySet[StatementRun]:
    ensure_permission(user, "portal.view_statementrun")
    return StatementRun.objects.filter(company_id__in=company_ids_for(user)).select_related("company", "created_by")


def statement_run_for(user, run_id: int) -> StatementRun:
    run = statement_runs_for(user).filter(pk=run_id).first()
    if run is None:
        raise NotFound(_("Statement mailing %(id)s does not exist or is not visible to you.") % {"id": run_id})
    return run


def statement_recipients(run: StatementRun, *, status: str = "") -> QuerySet[StatementRecipient]:
    """A run's recipients by customer; ``status`` is a sending state or an answer state (confirmed, disagreed,
    opened, unanswered, reminded, task)."""
    rows = (
        StatementRecipient.objects.filter(run=run).select_related("customer", "answer").order_by("customer__code", "id")
    )
    if status in RecipientStatus.values:
        rows = rows.filter(status=status)
    elif status in (ConfirmationStatus.CONFIRMED, ConfirmationStatus.DISAGREED):
        rows = rows.filter(answer__status=status)
    elif status == "opened":
        rows = rows.filter(opened_at__isnull=False)
    elif status == "unanswered":
        rows = rows.filter(status=RecipientStatus.SENT, answer__isnull=True)
    elif status == "reminded":
        rows = rows.filter(reminded_at__isnull=False)
    elif status == "task":
        rows = rows.filter(task_on__isnull=False)
    return rows


def statement_run_summary(run: StatementRun) -> dict[str, int]:
    """How many of a run's statements are in each state, in one query."""
    return StatementRecipient.objects.filter(run=run).aggregate(
        draft=Count("pk", filter=Q(status=RecipientStatus.DRAFT)),
        sending=Count("pk", filter=Q(status=RecipientStatus.SENDING)),
        sent=Count("pk", filter=Q(status=RecipientStatus.SENT)),
        failed=Count("pk", filter=Q(status=RecipientStatus.FAILED)),
        opened=Count("pk", filter=Q(opened_at__isnull=False)),
        confirmed=Count("pk", filter=Q(answer__status=ConfirmationStatus.CONFIRMED)),
        disagreed=Count("pk", filter=Q(answer__status=ConfirmationStatus.DISAGREED)),
        unanswered=Count("pk", filter=Q(status=RecipientStatus.SENT, answer__isnull=True)),
        reminded=Count("pk", filter=Q(reminded_at__isnull=False)),
        task=Count("pk", filter=Q(task_on__isnull=False)),
    )


def statement_schedules_for(user) -> QuerySet[StatementSchedule]:
    ensure_permission(user, "portal.view_statementschedule")
    return StatementSchedule.objects.filter(company_id__in=company_ids_for(user)).select_related("company")


def statement_frequency(customer: Customer) -> str:
    """A customer's statement frequency (``StatementFrequency``): the company's run when never set."""
    setting = CustomerStatementSetting.objects.filter(customer=customer).first()
    return setting.frequency if setting else StatementFrequency.COMPANY.value
