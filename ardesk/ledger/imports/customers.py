"""Importing customers: created, unchanged, or updated (audited) by code within the company."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.customers import domain as customer_rules
from ardesk.customers.models import Customer, CustomerStatusChange
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.base import Importer
from ardesk.ledger.imports.reader import cell_text
from ardesk.ledger.models import CustomerTerms, PaymentTerm

User = get_user_model()


class CustomerImporter(Importer):
    kind = "customers"

    def start(self) -> None:
        self.existing = {
            code: (pk, name, uscc)
            for pk, code, name, uscc in Customer.objects.filter(company=self.company).values_list(
                "pk", "code", "name", "uscc"
            )
        }
        self.usccs = {uscc: code for code, (_pk, _n, uscc) in self.existing.items() if uscc}
        self.terms = dict(PaymentTerm.objects.values_list("code", "pk"))
        self.collectors = dict(User.objects.filter(is_active=True).values_list("username", "pk"))
        self.seen: set[str] = set()
        self.parents: list[tuple[int, str, str]] = []

    def check_row(self, line: int, values: dict) -> dict | None:
        before = self.report.problem_count
        code = self.text(line, values, "code", max_length=32)
        name = self.text(line, values, "name", max_length=200)
        uscc = customer_rules.normalize_uscc(cell_text(values.get("uscc", "")))
        currency = self.parsed(line, values, "currency", formats.parse_currency, required=False) or "CNY"
        term = cell_text(values.get("payment_terms", ""))
        collector = cell_text(values.get("collector", ""))
        if code is not None:
            problem = customer_rules.customer_code_problem(code)
            if problem:
                self.report.add(line, "code", problem)
            elif code in self.seen:
                self.report.add(line, "code", _("Customer code %(code)s appears twice in the file.") % {"code": code})
            self.seen.add(code)
        if uscc:
            problem = customer_rules.uscc_problem(uscc)
            if problem:
                self.report.add(line, "uscc", problem)
            elif self.usccs.get(uscc, code) != code:
                self.report.add(
                    line,
                    "uscc",
                    _("This credit code is already registered for customer %(code)s.") % {"code": self.usccs[uscc]},
                )
            else:
                self.usccs[uscc] = code
        if term and term not in self.terms:
            self.report.add(line, "payment_terms", _("Unknown payment term %(code)s.") % {"code": term})
        if collector and collector not in self.collectors:
            self.report.add(line, "collector", _("Unknown user %(name)s.") % {"name": collector})
        if self.report.problem_count > before or code is None or name is None:
            return None
        parent = cell_text(values.get("parent_code", ""))
        if parent:
            self.parents.append((line, code, parent))
        return {
            "code": code,
            "name": name,
            "uscc": uscc,
            "currency": currency,
            "term": term,
            "collector_id": self.collectors.get(collector) if collector else None,
        }

    def chunk(self, rows):
        to_create, to_update, terms = [], [], []
        for line, values in rows:
            row = self.check_row(line, values)
            if row is None:
                continue
            fields = {
                "name": row["name"],
                "uscc": row["uscc"],
                "currency": row["currency"],
                "collector_id": row["collector_id"],
                "search_text": customer_rules.search_key(row["code"], row["name"], row["uscc"]),
            }
            known = self.existing.get(row["code"])
            if known is None:
                self.report.created += 1
                to_create.append(Customer(company=self.company, code=row["code"], **fields))
                self.existing[row["code"]] = (None, row["name"], row["uscc"])
            elif (known[1], known[2]) == (row["name"], row["uscc"]):
                self.report.unchanged += 1
            else:
                self.report.updated += 1
                to_update.append((known[0], fields))
            if row["term"]:
                terms.append((row["code"], self.terms[row["term"]]))
        if not self.may_write:
            return
        Customer.objects.bulk_create(to_create, batch_size=1000)
        ids = dict(
            Customer.objects.filter(company=self.company, code__in=[c.code for c in to_create]).values_list(
                "code", "pk"
            )
        )
        CustomerStatusChange.objects.bulk_create(
            CustomerStatusChange(customer_id=ids[c.code], to_status="active", changed_by=self.user) for c in to_create
        )
        for customer in to_create:
            self.existing[customer.code] = (ids[customer.code], customer.name, customer.uscc)
        for pk, fields in to_update:
            before = Customer.objects.filter(pk=pk).values("name", "uscc").get()
            Customer.objects.filter(pk=pk).update(**fields)
            record(
                action="customer.update",
                actor=self.user,
                object_type="customers.customer",
                object_id=str(pk),
                object_repr=fields["name"],
                company_id=self.company.pk,
                before=before,
                after={"name": fields["name"], "uscc": fields["uscc"], "import_batch": self.batch.pk},
            )
        for code, term_id in terms:
            CustomerTerms.objects.update_or_create(
                customer_id=self.existing[code][0], defaults={"payment_term_id": term_id}
            )

    def finish(self) -> None:
        for line, code, parent in self.parents:
            if parent not in self.existing:
                self.report.add(line, "parent_code", _("No customer with code %(code)s.") % {"code": parent})
            elif parent == code:
                self.report.add(line, "parent_code", _("A customer cannot be its own parent."))
        if self.may_write:
            for _line, code, parent in self.parents:
                Customer.objects.filter(pk=self.existing[code][0]).update(parent_id=self.existing[parent][0])
