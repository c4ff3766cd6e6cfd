"""The budgets context's errors."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ardesk.core.errors import ApplicationError


class ImportRejected(ApplicationError):
    """A budget file with problems: nothing is imported, and each problem names its row, field and reason."""

    code = "import_rejected"
    status = 422

    def __init__(self, problems: list[dict]):
        self.problems = problems
        first = problems[0]
        super().__init__(
            _("Nothing was imported: %(count)d problem(s), the first in row %(row)s, %(field)s: %(reason)s")
            % {"count": len(problems), "row": first["row"], "field": first["field"], "reason": first["reason"]}
        )
