"""Every screen has its help in both languages, written to the help-file contract.

A screen is every named URL that NON_PAGES (ardesk/guide/pages.py) does not list with its reason. Its
help file starts with "# <title>" and has exactly the four sections of its language; the Chinese file
shows no English word (beyond the product's abbreviations), the English one no Chinese character.
One test collects every problem, so a missing page is reported by its name.
"""

from __future__ import annotations

import re

from ardesk.accounts.roles import ROLE_LABELS
from ardesk.core.testing.crawl import english_words
from ardesk.guide import helpfiles, pages

SECTIONS = {
    "zh-hans": ["用途", "栏目与字段", "操作", "角色分工"],
    "en": ["Purpose", "Columns and fields", "Actions", "Who does what"],
}
CJK = re.compile(r"[\u4e00-\u9fff]")
HELP_LINK = re.compile(r"\]\(help:([^)]*)\)")


def language_problems(text: str, language: str) -> list[str]:
    """English words in a Chinese file (link targets and `code` aside), Chinese characters in an English one."""
    if language == "en":
        return ["Chinese characters in the English file"] if CJK.search(text) else []
    plain = re.sub(r"\]\((?:help|formula):[^)]*\)", "]", text)
    plain = re.sub(r"`[^`]*`", "", plain)
    words = english_words(plain.replace("**", "").replace("#", ""))
    return [f"English words {sorted(set(words))}"] if words else []


def help_problems(name: str, language: str, screens: set[str]) -> list[str]:
    path = helpfiles.help_path(name, language)
    if path is None:
        return [f"no help file {language}/{name.replace(':', '/')}.md"]
    text = path.read_text(encoding="utf-8")
    problems = []
    help_text = helpfiles.parse(path)
    if not help_text.title:
        problems.append("no '# title' on line 1")
    headings = [section.heading for section in help_text.sections]
    if headings != SECTIONS[language]:
        problems.append(f"sections {headings}, not {SECTIONS[language]}")
    problems += language_problems(text, language)
    problems += [
        f"help link to {target}, which is not a screen" for target in HELP_LINK.findall(text) if target not in screens
    ]
    return problems


def test_every_screen_has_help_in_both_languages_written_to_the_contract():
    screens = {url.name for url in pages.screens()}
    problems = [
        f"{name} [{language}]: {problem}"
        for name in sorted(screens)
        for language in helpfiles.LANGUAGES
        for problem in help_problems(name, language, screens)
    ]
    assert not problems, "\n".join(problems)


def test_the_help_screens_have_their_own_help():
    screens = {url.name for url in pages.screens()}
    own = ["guide:index", "guide:page", "guide:role", "guide:whatsnew"]
    assert set(own) <= screens
    problems = [
        f"{name} [{lang}]: {p}"
        for name in own
        for lang in helpfiles.LANGUAGES
        for p in help_problems(name, lang, screens)
    ]
    assert not problems, "\n".join(problems)


def test_the_names_listed_as_not_pages_are_real_url_names():
    names = {url.name for url in pages.url_names()}
    assert sorted(set(pages.NON_PAGES) - names) == []
    assert all(reason.strip() for reason in pages.NON_PAGES.values())


def test_every_help_file_belongs_to_a_screen():
    screens = {url.name for url in pages.screens()}
    strays = [
        f"{language}: {name}"
        for language in helpfiles.LANGUAGES
        for name in helpfiles.screens_with_help(language)
        if name not in screens
    ]
    assert strays == []


def test_role_guides_are_for_known_roles_in_both_languages():
    problems = []
    for language in helpfiles.LANGUAGES:
        other = "en" if language == "zh-hans" else "zh-hans"
        for path in sorted((helpfiles.HELP_ROOT / language / "roles").glob("*.md")):
            role = path.stem
            if role not in ROLE_LABELS:
                problems.append(f"{language}/roles/{path.name}: no such role")
            if helpfiles.role_path(role, other) is None:
                problems.append(f"{language}/roles/{path.name}: no {other} twin")
            if not helpfiles.parse(path).title:
                problems.append(f"{language}/roles/{path.name}: no '# title' on line 1")
            problems += [f"{language}/roles/{path.name}: {p}" for p in language_problems(path.read_text(), language)]
    assert problems == []


def test_whats_new_is_written_in_both_languages():
    for language in helpfiles.LANGUAGES:
        news = helpfiles.whatsnew(language)
        assert news is not None and news.title
        assert len(news.sections) >= 2  # one section per release
        assert language_problems(news.markdown, language) == []
        screens = {url.name for url in pages.screens()}
        assert [target for target in HELP_LINK.findall(news.markdown) if target not in screens] == []
