"""The matcher's reasons and the differences in the user's words (the domain keeps stable codes)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ardesk.core.money import from_minor, grouped


def _amount(value: str, currency: str) -> str:
    return f"{grouped(from_minor(int(value), currency), currency)} {currency}"


def field_label(field: str) -> str:
    """The statement file's field a problem concerns, in words (a camt.053 or MT940 tag stays as the file has it)."""
    words = {
        "file": _("The whole file"),
        "account": _("Account number"),
        "date": _("Date"),
        "credit": _("Incoming amount"),
        "debit": _("Outgoing amount"),
        "amount": _("Amount"),
        "balance": _("Balance"),
        "opening_balance": _("Opening balance"),
        "closing_balance": _("Closing balance"),
    }
    return str(words.get(field, field))


def reason_text(reason: dict, currency: str) -> str:
    """One reason of a suggestion as a sentence: '付款账号是该客户登记的账号'."""
    code = reason.get("code", "")
    words = {
        "account": lambda: _("The payer's account is the customer's known account"),
        "name_exact": lambda: _("The payer's name is the customer's name or a learned alias"),
        "name_alike": lambda: _("The payer's name is %(score)s %% like the customer's") % {"score": reason["score"]},
        "ref_exact": lambda: _("The text names invoice %(number)s") % {"number": reason["number"]},
        "ref_partial": lambda: _("The text names the last digits of invoice %(number)s") % {"number": reason["number"]},
        "ref_mistyped": lambda: _("The text names invoice %(number)s, mistyped") % {"number": reason["number"]},
        "amount_named": lambda: _("The amount pays the named invoices exactly"),
        "amount_one_item": lambda: _("The amount is what is open on %(number)s") % {"number": reason["number"]},
        "amount_oldest": lambda: (
            _("The amount pays the %(count)s oldest open items exactly") % {"count": reason["count"]}
        ),
        "amount_subset": lambda: _("The amount pays %(count)s open items exactly") % {"count": reason["count"]},
        "discount": lambda: (
            _("Short by %(amount)s: the early-payment discount") % {"amount": _amount(reason["amount"], currency)}
        ),
        "bank_charge": lambda: (
            _("Short by %(amount)s: a bank charge") % {"amount": _amount(reason["amount"], currency)}
        ),
        "short_payment": lambda: (
            _("Short by %(amount)s: a small difference to write off") % {"amount": _amount(reason["amount"], currency)}
        ),
        "over_payment": lambda: (
            _("%(amount)s more than is open: left as the customer's credit")
            % {"amount": _amount(reason["amount"], currency)}
        ),
        "named_then_oldest": lambda: _("The named invoices, then the oldest open items"),
        "partial_payment": lambda: (
            _("A part payment of the named invoices (%(amount)s left open)")
            % {"amount": _amount(reason["amount"], currency)}
        ),
        "partial_oldest": lambda: _("A part payment, applied to the oldest items"),
        "partial_on_account": lambda: _("A part payment naming no invoice: left on account, to be allocated by hand"),
        "amount_share": lambda: (
            _("A part payment of %(percent)s %% of %(number)s")
            % {"percent": reason["percent"], "number": reason["number"]}
        ),
        "item_and_round_sum": lambda: (
            _("The amount pays %(number)s and %(amount)s more, left on account")
            % {"number": reason["number"], "amount": _amount(reason["amount"], currency)}
        ),
        "group_parent": lambda: _("The payer is the customer's group parent"),
        "nothing_open": lambda: _("The customer has nothing open: the receipt stays as credit"),
        "ambiguous": lambda: _("Another customer fits almost as well"),
    }
    return words[code]() if code in words else code
