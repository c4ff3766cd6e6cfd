"""The table of contents of the help: the screens grouped by app, the role guides, what's new.

The help index and the PDF user guide are both built from it, so they list the same files.
"""

from __future__ import annotations

from dataclasses import dataclass

from ardesk.accounts.roles import ROLE_LABELS
from ardesk.guide import helpfiles, pages


@dataclass(frozen=True)
class Entry:
    key: str  # the URL name of a screen, or a role
    title: str
    text: helpfiles.HelpText


@dataclass(frozen=True)
class Group:
    label: str
    entries: tuple[Entry, ...]


def screen_groups(language: str) -> list[Group]:
    """Each app's screens that have help in the language, in the order the URLconf lists them."""
    grouped: dict[str, list[Entry]] = {}
    for url in pages.screens():
        text = helpfiles.screen_help(url.name, language)
        if text is not None:
            grouped.setdefault(url.group, []).append(Entry(key=url.name, title=text.title, text=text))
    return [Group(label=pages.group_label(group), entries=tuple(entries)) for group, entries in grouped.items()]


def role_guides(language: str) -> list[Entry]:
    """The role guides written in the language, in the order of the roles."""
    found = []
    for role in ROLE_LABELS:
        text = helpfiles.role_guide(role, language)
        if text is not None:
            found.append(Entry(key=role, title=text.title, text=text))
    return found
