"""The `ardesk` command: a thin wrapper over Django's management commands.

`ardesk demo`, `ardesk init`, `ardesk serve`, `ardesk generate`, `ardesk audit verify`,
`ardesk token issue USERNAME`, and every other Django command (`ardesk migrate`, ...).
"""

from __future__ import annotations

import gc
import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    # Django's set-up makes a few hundred thousand objects that live as long as the process (every
    # app's models and modules) and no garbage: the cyclic collector starts once it is done, and no
    # longer walks what it made (gc.freeze). A tenth of a second off every command's start, and off
    # the rows a report then builds (issue 28).
    gc.disable()
    from django.core.management import ManagementUtility

    class Utility(ManagementUtility):
        def fetch_command(self, subcommand):
            gc.freeze()
            gc.enable()
            return super().fetch_command(subcommand)

    Utility(["ardesk", *(sys.argv[1:] if argv is None else argv)]).execute()


if __name__ == "__main__":
    main()
