"""The explanation texts: Markdown files per language, their ``{{ name }}`` placeholders filled from the worked example.

``help/<lang>/formulas/<key>.md`` holds a title and three sections (formula, worked example,
notes). The numbers of the worked example are never written in the file: each is a placeholder
filled at render time from ``Explanation.worked_example()``, so the text shows what the
product's function computes today.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from ardesk.guide.formulas.registry import Explanation

HELP = Path(__file__).resolve().parent.parent / "help"
LANGUAGES = ("zh-hans", "en")
SECTIONS = {"zh-hans": ("## 公式", "## 算例", "## 说明"), "en": ("## Formula", "## Worked example", "## Notes")}
PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
HEADING = re.compile(r"^(#+) ", re.MULTILINE)


def language(code: str | None = None) -> str:
    code = (code or get_language() or "zh-hans").lower()
    return "en" if code.startswith("en") else "zh-hans"


def path(key: str, lang: str) -> Path:
    return HELP / lang / "formulas" / f"{key}.md"


def source(key: str, lang: str) -> str:
    return path(key, lang).read_text(encoding="utf-8")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def filled(explanation: Explanation, lang: str, *, escape: bool = False) -> str:
    """The Markdown with every placeholder replaced by the worked example's figure (``line``: the formula line)."""
    figures = explanation.worked_example()
    values = {**explanation.shown(figures), "line": explanation.sentence(figures)}
    if escape:
        values = {name: html.escape(value) for name, value in values.items()}
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], source(explanation.key, lang))


def title(explanation: Explanation, lang: str) -> str:
    first = source(explanation.key, lang).splitlines()[0]
    return first.removeprefix("# ").strip()


def rendered(explanation: Explanation, lang: str, *, level: int = 1) -> SafeString:
    """The explanation as HTML, its title a heading of ``level`` (2 on the page that lists them all).

    The files are ours; the filled-in figures are escaped first.
    """
    text = HEADING.sub(lambda m: "#" * (len(m.group(1)) + level - 1) + " ", filled(explanation, lang, escape=True))
    return mark_safe(markdown.markdown(text, extensions=["tables"]))  # noqa: S308 - our own files, escaped figures
