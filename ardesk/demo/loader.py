"""Writing generated demo data into the database, fast and all-or-nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from ardesk.audit.services import record, snapshot
from ardesk.banking.demo import demo_banking
from ardesk.budgets.demo import demo_budgets
from ardesk.closing.demo import demo_closing
from ardesk.collections.demo import demo_collections
from ardesk.companies.models import Company, CompanyGrant
from ardesk.core.bulk import refresh_statistics
from ardesk.core.crypto import blind_index
from ardesk.core.money import to_minor
from ardesk.credit.demo import demo_credit
from ardesk.customers import domain
from ardesk.customers.models import Contact, Customer, CustomerStatusChange
from ardesk.customers.services import AUDITED_CUSTOMER_FIELDS, CUSTOMER_SECRET_FIELDS
from ardesk.demo import generator, ledger_generator
from ardesk.demo.ledger_loader import load_ledger
from ardesk.guide.tours import tours_offer
from ardesk.provisioning.demo import demo_provisions
from ardesk.relations.demo import demo_relations
from ardesk.risk.demo import demo_risk

User = get_user_model()


def demo_is_loaded() -> bool:
    return Company.objects.filter(code=generator.COMPANIES[0]["code"]).exists()


@transaction.atomic
def load_demo(*, anchor: dt.date, customers: int = 300, seed: int = 20240101) -> dict[str, int]:
    """Create the demo group, its users, customers and their 24 months of receivables; return what was created."""
    companies = []
    for spec in generator.COMPANIES:
        prefix, division, body = spec["uscc_parts"]
        companies.append(
            Company.objects.create(
                code=spec["code"],
                name=spec["name"],
                functional_currency=spec["functional_currency"],
                uscc=domain.make_uscc(prefix, division, body),
                address=spec["address"],
                bank_name=spec["bank_name"],
                bank_account_name=spec["name"],
                bank_account_number=spec["bank_account_number"],
            )
        )
    users = {}
    for username, role, email in generator.USERS:
        user = User(
            username=username,
            email=email,
            first_name=generator.USER_NAMES[username],
            is_staff=role == "administrator",
        )
        user.set_password(generator.DEMO_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=role))
        users[username] = user
    CompanyGrant.objects.bulk_create(CompanyGrant(user=u, company=c) for u in users.values() for c in companies)
    tours_offer(users.values())  # each demo user is offered the tour of their role on first sign-in
    for company in companies:
        record(action="company.create", target=company, actor_name="demo", after=snapshot(company))
    rows = list(generator.demo_customers(count=customers, seed=seed, anchor=anchor))
    by_code = {c.code: c for c in companies}
    created = load_customers(rows, companies=by_code, users=users, audit=True)
    customer_ids = {
        (company_code, code): pk
        for company_code, code, pk in Customer.objects.filter(company__in=companies).values_list(
            "company__code", "code", "pk"
        )
    }
    ledger = load_ledger(
        ledger_generator.demo_ledger(rows, anchor=anchor, seed=seed),
        companies=by_code,
        customer_ids=customer_ids,
        by=users["accountant"],
    )
    demo_provisions(companies=companies, manager=users["manager"], accountant=users["accountant"], anchor=anchor)
    demo_credit(companies=companies, analyst=users["analyst"], manager=users["manager"], anchor=anchor)
    demo_collections(companies=companies, users=users, anchor=anchor)
    demo_banking(company=companies[0], accountant=users["accountant"], anchor=anchor)
    demo_relations(companies=companies, users=users, anchor=anchor)
    demo_risk(companies=companies, users=users, anchor=anchor)
    demo_budgets(companies=companies, manager=users["manager"], accountant=users["accountant"], anchor=anchor)
    # Last: the close locks the month before last, which nothing above may then post into.
    demo_closing(companies=companies, manager=users["manager"], accountant=users["accountant"], anchor=anchor)
    refresh_statistics()
    return {"companies": len(companies), "users": len(users), **created, **ledger}


def load_customers(
    rows: Iterable[generator.DemoCustomer],
    *,
    companies: dict[str, Company],
    users: dict[str, object],
    audit: bool,
    batch: int = 2000,
) -> dict[str, int]:
    """Bulk-insert customers and contacts; parents are inserted before the subsidiaries that name them."""
    code_to_id: dict[tuple[str, str], int] = {}
    counts = {"customers": 0, "contacts": 0}
    pending: list[generator.DemoCustomer] = []

    def flush() -> None:
        objects = []
        for row in pending:
            company = companies[row.company]
            objects.append(
                Customer(
                    company=company,
                    code=row.code,
                    name=row.name,
                    uscc=row.uscc,
                    currency=row.currency,
                    industry=row.industry,
                    region=row.region,
                    address=row.address,
                    registered_capital=to_minor(row.registered_capital, "CNY") if row.registered_capital else None,
                    founded_on=row.founded_on,
                    legal_representative=row.legal_representative,
                    business_scope=row.business_scope,
                    parent_id=code_to_id.get((row.company, row.parent_code)),
                    collector=users.get(row.collector),
                    analyst=users.get(row.analyst),
                    next_review_on=row.next_review_on,
                    status=row.status,
                    bank_name=row.bank_name,
                    bank_account=row.bank_account,
                    bank_account_index=blind_index(row.bank_account),
                    search_text=domain.search_key(row.code, row.name, row.uscc),
                )
            )
        Customer.objects.bulk_create(objects, batch_size=500)
        if objects[0].pk is None:  # backends that do not return ids from bulk inserts
            ids = dict(Customer.objects.filter(code__in=[o.code for o in objects]).values_list("code", "pk"))
            for obj in objects:
                obj.pk = ids[obj.code]
        contacts, changes = [], []
        for row, customer in zip(pending, objects, strict=True):
            code_to_id[(row.company, row.code)] = customer.pk
            changes.append(CustomerStatusChange(customer=customer, from_status="", to_status=row.status))
            contacts.extend(Contact(customer=customer, **vars(c)) for c in row.contacts)
        Contact.objects.bulk_create(contacts, batch_size=1000)
        CustomerStatusChange.objects.bulk_create(changes, batch_size=1000)
        if audit:
            for customer in objects:
                record(
                    action="customer.create",
                    target=customer,
                    actor_name="demo",
                    after=snapshot(customer, AUDITED_CUSTOMER_FIELDS, secret=CUSTOMER_SECRET_FIELDS),
                )
        counts["customers"] += len(objects)
        counts["contacts"] += len(contacts)
        pending.clear()

    for row in rows:
        if row.parent_code and (row.company, row.parent_code) not in code_to_id and pending:
            flush()  # the parent is still pending: insert it first so the child can point at its id
        pending.append(row)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return counts
