"""Portal endpoints: statement runs and their recipients, the monthly schedule, links, balance confirmations."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from ardesk.companies.access import granted_company
from ardesk.core import clock
from ardesk.core.jobs import get_progress
from ardesk.core.schemas import BodyId, Day, Id, Page, Strict, money_out
from ardesk.customers.models import Contact
from ardesk.portal import domain, selectors, services
from ardesk.portal.models import StatementFrequency, StatementRecipient, StatementRun, StatementRunStatus

router = Router(tags=["portal"])
PAGE_SIZE = 100


# --- statement runs ---------------------------------------------------------------------------


def _run_json(run: StatementRun) -> dict:
    return {
        "id": run.pk,
        "company": run.company.code,
        "date_from": run.date_from,
        "date_to": run.date_to,
        "status": run.status,
        "is_scheduled": run.is_scheduled,
        "frequency": run.frequency,
        "recipients": run.recipients,
        "sent": run.sent,
        "failed": run.failed,
        "done": get_progress("statements", run.pk) if run.is_running else run.sent + run.failed,
        "remind_after_days": run.remind_after_days,
        "task_after_days": run.task_after_days,
        "error": run.error,
        "summary": selectors.statement_run_summary(run),
    }


class RunIn(Strict):
    company: str
    date_from: Day | None = Field(None, description="First day of the period (last month's by default)")
    date_to: Day | None = Field(None, description="Last day of the period (last month's by default)")
    remind_after_days: int = Field(7, ge=1, le=90)
    task_after_days: int = Field(14, ge=1, le=180)
    link_days: int = Field(60, ge=1, le=domain.MAX_LINK_DAYS)
    send: bool = Field(False, description="Send at once; otherwise the run stays a draft")


class PageQuery(Schema):
    page: Page = 1
    state: str = Field("", description="sent, failed, opened, confirmed, disagreed, unanswered, reminded or task")


@router.get("/statement-runs", response=dict, summary="The statement runs of the user's companies, 100 a page")
def statement_runs(request, query: Query[PageQuery]):
    runs = selectors.statement_runs_for(request.user)
    page = runs[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]
    return {"count": runs.count(), "page": query.page, "runs": [_run_json(r) for r in page]}


@router.post("/statement-runs", response={201: dict}, summary="Write a statement run (a draft), and send it if asked")
def statement_run_create(request, payload: RunIn):
    company = granted_company(request.user, payload.company)
    default_from, default_to = domain.previous_month(clock.today())
    run = services.statement_run_create(
        by=request.user,
        company=company,
        date_from=payload.date_from or default_from,
        date_to=payload.date_to or default_to,
        remind_after_days=payload.remind_after_days,
        task_after_days=payload.task_after_days,
        link_days=payload.link_days,
    )
    if payload.send:
        run = services.statement_run_send(by=request.user, run=run)
    return Status(201, _run_json(run))


@router.get("/statement-runs/{run_id}", response=dict, summary="A statement run with its progress and answers")
def statement_run_detail(request, run_id: Id):
    return _run_json(selectors.statement_run_for(request.user, run_id))


@router.post("/statement-runs/{run_id}/send", response=dict, summary="Send a draft run, or its failed statements again")
def statement_run_send(request, run_id: Id):
    run = selectors.statement_run_for(request.user, run_id)
    if run.status == StatementRunStatus.DRAFT:
        run = services.statement_run_send(by=request.user, run=run)
    else:
        run = services.statement_run_retry(by=request.user, run=run)
    return _run_json(run)


def _recipient_json(row: StatementRecipient) -> dict:
    answer = row.answer
    return {
        "id": row.pk,
        "customer": row.customer.code,
        "contact": row.contact_name,
        "email": row.email,
        "language": row.language,
        "status": row.status,
        "error": row.error,
        "sent_at": row.sent_at,
        "opened_at": row.opened_at,
        "reminded_at": row.reminded_at,
        "answer": None
        if answer is None
        else {
            "status": answer.status,
            "answered_at": answer.answered_at,
            "balance": money_out(answer.balance, answer.currency),
        },
        "task_on": row.task_on,
    }


@router.get("/statement-runs/{run_id}/recipients", response=dict, summary="A run's recipients and their states")
def statement_run_recipients(request, run_id: Id, query: Query[PageQuery]):
    run = selectors.statement_run_for(request.user, run_id)
    rows = selectors.statement_recipients(run, status=query.state)
    page = rows[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]
    return {"count": rows.count(), "page": query.page, "recipients": [_recipient_json(r) for r in page]}


class ScheduleIn(Strict):
    is_active: bool = True
    day: int = Field(5, ge=1, le=28, description="Day of the month from which last month's statements are sent")
    remind_after_days: int = Field(7, ge=1, le=90)
    task_after_days: int = Field(14, ge=1, le=180)


@router.put("/statement-schedules/{company}", response=dict, summary="Set a company's monthly statement run")
def statement_schedule(request, company: str, payload: ScheduleIn):
    target = granted_company(request.user, company, missing_is_not_found=True)
    schedule = services.statement_schedule_set(by=request.user, company=target, **payload.dict())
    return {"company": target.code, **payload.dict(), "id": schedule.pk}


class FrequencyIn(Strict):
    frequency: StatementFrequency = Field(
        description="company (with the company's monthly run), quarterly, or none (no scheduled statements)"
    )


def _frequency_json(customer) -> dict:
    return {"customer": customer.pk, "code": customer.code, "frequency": selectors.statement_frequency(customer)}


@router.get(
    "/customers/{customer_id}/statement-frequency",
    response=dict,
    summary="How often a customer's statement goes out with the scheduled runs",
)
def statement_frequency(request, customer_id: Id):
    return _frequency_json(selectors.customer_for(request.user, customer_id))


@router.put(
    "/customers/{customer_id}/statement-frequency",
    response=dict,
    summary="Set how often a customer's statement goes out with the scheduled runs",
)
def statement_frequency_set(request, customer_id: Id, payload: FrequencyIn):
    customer = selectors.customer_for(request.user, customer_id)
    services.customer_statement_frequency_set(by=request.user, customer=customer, frequency=payload.frequency.value)
    return _frequency_json(customer)


# --- links ------------------------------------------------------------------------------------


class LinkIn(Strict):
    contact: BodyId
    days: int = Field(domain.DEFAULT_LINK_DAYS, ge=1, le=domain.MAX_LINK_DAYS)


@router.post("/links", response={201: dict}, summary="Issue a contact a personal link to its customer's portal")
def link_issue(request, payload: LinkIn):
    contact = get_object_or_404(Contact.objects.select_related("customer"), pk=payload.contact)
    selectors.customer_for(request.user, contact.customer_id)
    link = services.link_issue(by=request.user, contact=contact, days=payload.days)
    return Status(201, {"id": link.pk, "url": services.link_url(link), "expires_on": link.expires_on})


@router.post("/links/{link_id}/revoke", response=dict, summary="Revoke a link: from now on it shows nothing")
def link_revoke(request, link_id: Id):
    link = services.link_revoke(by=request.user, link=selectors.link_for(request.user, link_id))
    return {"id": link.pk, "revoked_at": link.revoked_at}
