"""The help files: one Markdown file per screen and language inside the package, read and rendered here.

``help/<lang>/<namespace>/<name>.md`` holds the help of the screen whose URL name is
``<namespace>:<name>`` (``help/<lang>/<name>.md`` for a name without a namespace); ``help/<lang>/roles/``
holds the role guides and ``help/<lang>/whatsnew.md`` the release notes. The files are the product's
own text (trusted); what a user sends (the name of a screen) only selects a file and is never rendered.

A link ``[title](help:customers:detail)`` becomes a link to that screen's help page, and
``[title](formula:dso)`` one to the explanation of a formula.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
from django.urls import reverse
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

HELP_ROOT = Path(__file__).resolve().parent / "help"
LANGUAGES = ("zh-hans", "en")
# The formula explanations live at this path (ardesk/guide/formulas).
FORMULA_PATH = "/help/formulas/{key}/"
# Folders and files under help/<lang>/ that are not a screen's help.
NOT_SCREENS = ("roles", "formulas")
WHATSNEW = "whatsnew"
# A URL name as the product writes them: "home", "customers:detail", "api-1:openapi-view".
VIEW_NAME = re.compile(r"^[a-z][a-z0-9_-]*(?::[a-z][a-z0-9_-]*)?$")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Section:
    heading: str
    html: str


@dataclass(frozen=True)
class HelpText:
    """A parsed help file: its title (line 1), its level-2 sections and the whole body as HTML."""

    title: str
    sections: tuple[Section, ...]
    html: str
    markdown: str


def language_folder(language: str | None) -> str:
    """The folder of a Django language code: zh-hans (and any other Chinese) or en."""
    return "zh-hans" if (language or "").lower().startswith("zh") else "en"


def help_path(view_name: str, language: str | None) -> Path | None:
    """The help file of a screen in a language, or None when there is none."""
    return _existing(_relative(view_name), language_folder(language)) if VIEW_NAME.match(view_name or "") else None


def role_path(role: str, language: str | None) -> Path | None:
    return _existing(f"roles/{role}.md", language_folder(language)) if KEY.match(role or "") else None


def whatsnew_path(language: str | None) -> Path | None:
    return _existing(f"{WHATSNEW}.md", language_folder(language))


def has_help(view_name: str, language: str | None) -> bool:
    return help_path(view_name, language) is not None


def screen_help(view_name: str, language: str | None) -> HelpText | None:
    path = help_path(view_name, language)
    return parse(path) if path else None


def role_guide(role: str, language: str | None) -> HelpText | None:
    path = role_path(role, language)
    return parse(path) if path else None


def whatsnew(language: str | None) -> HelpText | None:
    path = whatsnew_path(language)
    return parse(path) if path else None


def screens_with_help(language: str | None) -> list[str]:
    """The URL names that have a help file in the language, sorted."""
    folder = HELP_ROOT / language_folder(language)
    names = []
    for path in folder.rglob("*.md"):
        parts = path.relative_to(folder).with_suffix("").parts
        if parts[0] in NOT_SCREENS or parts == (WHATSNEW,):
            continue
        names.append(":".join(parts))
    return sorted(names)


@lru_cache(maxsize=1024)
def parse(path: Path) -> HelpText:
    """Title, sections and HTML of a help file (read once per process: the files ship with the package)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    title = lines[0][2:].strip() if lines and lines[0].startswith("# ") else ""
    body = "\n".join(lines[1:] if title else lines)
    sections = []
    for chunk in re.split(r"^## ", body, flags=re.MULTILINE)[1:]:
        heading, _, rest = chunk.partition("\n")
        sections.append(Section(heading=heading.strip(), html=render(rest)))
    return HelpText(title=title, sections=tuple(sections), html=render(body), markdown=body)


def render(text: str) -> str:
    """Markdown to HTML, with help: and formula: links made into links to the help pages."""
    return markdown.markdown(text, extensions=["tables", HelpLinks()])


def markdown_tree(text: str) -> Element:
    """The Markdown as an element tree (a <div> holding the blocks) for the PDF; links keep their help: targets."""
    md = markdown.Markdown(extensions=["tables", KeepTree()])
    md.convert(text)
    return md.kept_tree


def link_target(href: str) -> str:
    """Where a link of a help file goes: help:ns:name to its help page, formula:key to its explanation."""
    if href.startswith("help:"):
        return reverse("guide:page", kwargs={"view_name": href.removeprefix("help:")})
    if href.startswith("formula:"):
        return FORMULA_PATH.format(key=href.removeprefix("formula:"))
    return href


def _relative(view_name: str) -> str:
    return view_name.replace(":", "/") + ".md"


@lru_cache(maxsize=4096)
def _existing(relative: str, folder: str) -> Path | None:
    path = HELP_ROOT / folder / relative
    return path if path.is_file() else None


class _LinkRewriter(Treeprocessor):
    def run(self, root):
        for link in root.iter("a"):
            link.set("href", link_target(link.get("href", "")))


class HelpLinks(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_LinkRewriter(md), "help_links", 5)


class _TreeKeeper(Treeprocessor):
    def run(self, root):
        self.md.kept_tree = root


class KeepTree(Extension):
    def extendMarkdown(self, md):  # noqa: N802
        # After the inline patterns (priority 20) and the unescaping of backslash escapes (0).
        md.treeprocessors.register(_TreeKeeper(md), "keep_tree", -10)
