"""The cash desk (收款认领): statement lines with suggestions, matching by hand, imports, statements, journal."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.banking import forms, labels, selectors, services
from ardesk.banking import journal as cash_journal
from ardesk.banking.models import BankAccount, BankStatement, Difference, LineStatus, StatementLine
from ardesk.companies.access import granted_company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.money import to_minor
from ardesk.core.web import add_errors, page_of, requires
from ardesk.customers.models import Customer
from ardesk.ledger.models import DueLine

VIEW = "banking.view_statementline"


def _line_of(request, pk: int) -> StatementLine:
    line = (
        StatementLine.objects.filter(pk=pk, company_id__in=company_ids_for(request.user))
        .select_related("account", "statement")
        .first()
    )
    if line is None:
        raise Http404
    return line


def _shown_suggestions(lines) -> dict[int, list[dict]]:
    """Each line's suggestions with the customer, the items and the reasons in words, loaded in bulk."""
    customer_ids = {s["customer_id"] for line in lines for s in line.suggestions}
    item_ids = {a[0] for line in lines for s in line.suggestions for a in s["allocations"]}
    # The screens show a customer's code and name: its other fields (some encrypted) are not read.
    customers = Customer.objects.only("pk", "code", "name").in_bulk(customer_ids)
    numbers = dict(DueLine.objects.filter(pk__in=item_ids).values_list("pk", "document__number"))
    shown = {}
    for line in lines:
        shown[line.pk] = [
            {
                "index": index,
                "customer": customers.get(s["customer_id"]),
                "percent": round(float(s["confidence"]) * 100),
                "reasons": [labels.reason_text(r, line.currency) for r in s["reasons"]],
                "items": [(numbers.get(item_id, ""), amount) for item_id, amount in s["allocations"]],
                "unapplied": s["unapplied"],
            }
            for index, s in enumerate(line.suggestions)
        ]
    return shown


@requires(VIEW)
def desk(request):
    company_ids = company_ids_for(request.user)
    data = request.GET.copy()
    if "status" not in data:
        data["status"] = LineStatus.OPEN
    form = forms.DeskFilterForm(data, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {"status": LineStatus.OPEN}
    lines = selectors.lines_for(
        company_ids=company_ids,
        status=filters.get("status") or None,
        account_id=filters["account"].pk if filters.get("account") else None,
        on=filters.get("on"),
    )
    # The list shows no payer account (encrypted) and no reasons of its own; suggestions only of open lines.
    page = page_of(request, lines.defer("payer_account", "reasons"), 25)
    shown_lines = list(page.object_list)
    shown = _shown_suggestions([line for line in shown_lines if line.status == LineStatus.OPEN])
    for line in shown_lines:
        line.shown = shown.get(line.pk, [])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "banking/desk.html",
        {
            "form": form,
            "page": page,
            "lines": shown_lines,
            "summary": selectors.daily_summary(company_ids=company_ids, limit=14),
            "can_match": request.user.has_perm(services.MATCH_PERMISSION),
            "query": query.urlencode(),
        },
    )


def _parts(form, line: StatementLine) -> list[tuple[int, int]]:
    parts, problems = [], {}
    rows = [
        (form.cleaned_data[f"customer_{n}"], form.cleaned_data[f"amount_{n}"]) for n in range(1, forms.SPLIT_ROWS + 1)
    ]
    rows = [(code.strip(), amount) for code, amount in rows if code and code.strip()]
    codes = dict(
        Customer.objects.filter(company_id=line.company_id, code__in=[c for c, _a in rows]).values_list("code", "pk")
    )
    for n, (code, amount) in enumerate(rows, start=1):
        if code not in codes:
            problems[f"customer_{n}"] = [_("No customer %(code)s in the statement's company.") % {"code": code}]
            continue
        if amount is None and len(rows) == 1:
            parts.append((codes[code], line.amount))
        elif amount is None:
            problems[f"amount_{n}"] = [_("Give each customer's part of the line.")]
        else:
            parts.append((codes[code], to_minor(amount, line.currency)))
    if problems:
        raise InvalidInput(problems)
    return parts


@requires(VIEW)
def line_detail(request, pk: int):
    line = _line_of(request, pk)
    form = forms.MatchForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm(services.MATCH_PERMISSION):
            raise Http404
        if form.is_valid():
            try:
                services.line_match(by=request.user, line=line, parts=_parts(form, line))
            except ApplicationError as exc:
                if isinstance(exc, InvalidInput):
                    add_errors(form, exc)
                else:
                    messages.error(request, exc.message)
            else:
                messages.success(request, _("The line is matched and its receipts posted."))
                return redirect("banking:line", pk=line.pk)
    applications = line.applications.select_related("customer", "receipt").prefetch_related("differences__credit_note")
    return render(
        request,
        "banking/line.html",
        {
            "line": line,
            "suggestions": _shown_suggestions([line])[line.pk],
            "reasons": [labels.reason_text(r, line.currency) for r in line.reasons],
            "applications": applications,
            "form": form,
            "can_match": request.user.has_perm(services.MATCH_PERMISSION) and line.status == LineStatus.OPEN,
        },
    )


@require_POST
@requires(services.MATCH_PERMISSION)
def line_accept(request, pk: int):
    line = _line_of(request, pk)
    try:
        services.suggestion_accept(by=request.user, line=line, index=int(request.POST.get("index", 0)))
    except (ApplicationError, ValueError) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
    else:
        messages.success(request, _("Suggestion accepted: the receipt is posted and allocated."))
    return redirect(request.POST.get("next") or "banking:desk")


@require_POST
@requires(services.MATCH_PERMISSION)
def line_ignore(request, pk: int):
    line = _line_of(request, pk)
    try:
        services.line_ignore(by=request.user, line=line)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("banking:line", pk=line.pk)


@requires(services.IMPORT_PERMISSION)
def statement_import(request):
    form = forms.ImportForm(request.POST or None, request.FILES or None, user=request.user)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.statement_import(
                by=request.user,
                account=form.cleaned_data["account"],
                name=upload.name,
                content=upload.read(),
                dry_run=form.cleaned_data["dry_run"],
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            if result.statement is not None:
                messages.success(
                    request,
                    _("%(new)s new lines imported: %(auto)s matched automatically, %(queued)s waiting.")
                    % {
                        "new": result.new,
                        "auto": result.matched.get("auto", 0),
                        "queued": result.matched.get("queued", 0),
                    },
                )
                return redirect("banking:desk")
    problems = [(p.row, labels.field_label(p.field), p.message) for p in result.problems] if result else []
    return render(request, "banking/import.html", {"form": form, "result": result, "problems": problems})


@requires("banking.view_bankstatement")
def statements(request):
    items = BankStatement.objects.filter(company_id__in=company_ids_for(request.user)).select_related("account")
    page = page_of(request, items, 25)
    rows = [(s, selectors.statement_reconciliation(s)) for s in page.object_list]
    return render(request, "banking/statements.html", {"page": page, "rows": rows})


@requires("banking.view_application")
def journal(request):
    form = forms.JournalFilterForm(request.GET or None)
    date_from = date_to = None
    if form.is_valid():
        date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    applications = selectors.applications_for(
        company_ids=company_ids_for(request.user), date_from=date_from, date_to=date_to
    )
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        table = cash_journal.journal_table(cash_journal.journal_entries(applications))
        data = exports.to_csv(table) if export == "csv" else cash_journal.journal_xlsx(table)
        return exports.download(data, export, f"cash-journal-{clock.today().isoformat()}")
    page = page_of(request, applications, 50)
    entries = [
        {
            **entry,
            "kind_label": cash_journal.kind_label(entry["kind"]),
            "lines": [
                (account, cash_journal.role_label(role), debit, credit)
                for account, role, debit, credit in entry["lines"]
            ],
        }
        for entry in cash_journal.journal_entries(page.object_list)
    ]
    query = request.GET.copy()
    query.pop("export", None)
    query.pop("page", None)
    return render(
        request,
        "banking/journal.html",
        {
            "form": form,
            "page": page,
            "entries": entries,
            "query": query.urlencode(),
            "columns": [(name, cash_journal.JOURNAL_COLUMN_MEANINGS[name]) for name in cash_journal.JOURNAL_HEADERS],
        },
    )


@requires("banking.view_bankaccount")
def accounts(request):
    form = None
    if request.user.has_perm(services.ACCOUNT_PERMISSION):
        form = forms.AccountForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            data = dict(form.cleaned_data)
            try:
                company = granted_company(request.user, data.pop("company"))
                services.bank_account_save(by=request.user, company_id=company.pk, **data)
            except ApplicationError as exc:
                if isinstance(exc, InvalidInput):
                    add_errors(form, exc)
                else:
                    messages.error(request, exc.message)
            else:
                messages.success(request, _("Bank account saved."))
                return redirect("banking:accounts")
    items = BankAccount.objects.filter(company_id__in=company_ids_for(request.user)).select_related("company")
    return render(request, "banking/accounts.html", {"accounts": items, "form": form})


@requires("banking.view_difference")
def differences(request):
    items = selectors.pending_differences(company_ids_for(request.user))
    return render(
        request,
        "banking/differences.html",
        {"differences": items, "can_decide": request.user.has_perm(services.APPROVE_PERMISSION)},
    )


@require_POST
@requires(services.APPROVE_PERMISSION)
def difference_decide(request, pk: int):
    difference = Difference.objects.filter(pk=pk, company_id__in=company_ids_for(request.user)).first()
    if difference is None:
        raise Http404
    try:
        services.difference_decide(
            by=request.user, difference=difference, approve=request.POST.get("decision") == "approve"
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("banking:differences")
