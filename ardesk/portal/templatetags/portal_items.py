"""The open items a customer chooses from (promise, dispute), written in one pass: a customer may have thousands."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext

from ardesk.core.templatetags.money import minor

register = template.Library()


@register.simple_tag
def item_checkboxes(field, items) -> str:
    """Each open item as a checkbox with its number, open amount, due date and days overdue.

    The same markup a template loop would write, built in Python: at 2,000 items the loop with its
    filters and plural took most of the page's 300 ms.
    """
    chosen = {str(value) for value in (field.value() or [])}
    due = gettext("Due")

    def row(line):
        number = f"{line.document.number} #{line.seq}" if line.seq > 1 else line.document.number
        overdue = ""
        if line.days_overdue:
            days = line.days_overdue
            overdue = " · " + ngettext("%(days)s day overdue", "%(days)s days overdue", days) % {"days": days}
        return (
            field.html_name,
            line.pk,
            " checked" if str(line.pk) in chosen else "",
            number,
            minor(line.open_amount, line.currency),
            line.currency,
            due,
            line.due_on.isoformat(),
            overdue,
        )

    return format_html_join(
        "\n",
        '<label class="portal-item"><input type="checkbox" name="{}" value="{}"{}>'
        '<span><strong>{}</strong> · {} {}<br><span class="muted">{} {}{}</span></span></label>',
        (row(line) for line in items),
    ) or format_html('<p class="muted">{}</p>', gettext("No open items."))
