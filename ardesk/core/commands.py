"""What the command line's writing commands share."""

from __future__ import annotations

from django.core.checks import Tags

# Every system check but the URL ones, for commands that write data but serve no page: the URL
# checks import every screen and the whole API (pydantic's models), seconds of a command's start.
# `ardesk serve` and `ardesk check` still run them all.
CHECKS_BUT_URLS = [tag for name, tag in vars(Tags).items() if not name.startswith("_") and tag != Tags.urls]
