"""The `ardesk` command: a thin wrapper over Django's management commands.

`ardesk demo`, `ardesk init`, `ardesk serve`, `ardesk generate`, `ardesk audit verify`,
`ardesk token issue USERNAME`, and every other Django command (`ardesk migrate`, ...).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ardesk", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
