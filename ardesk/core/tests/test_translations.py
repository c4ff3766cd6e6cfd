"""The translation catalogues stay complete and compiled.

Simplified Chinese is the default language, so every message must have a Chinese translation, with
the same placeholders as its English source; the committed .mo (users may lack gettext) must hold
exactly what the .po says; and no string marked for translation in the code may be missing from the
catalogues. English is the source language: its catalogue lists every msgid with empty msgstrs.

To update the catalogues: ``cd ardesk && ardesk makemessages -l zh_Hans -l en``, translate the new
entries in locale/zh_Hans/LC_MESSAGES/django.po, then ``ardesk compilemessages``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.utils import translation

ARDESK = Path(__file__).resolve().parents[2]
LOCALE = ARDESK / "locale"
LANGUAGES = ["zh_Hans", "en"]
UPDATE_HINT = (
    "run `cd ardesk && ardesk makemessages -l zh_Hans -l en`, translate the new entries in "
    "ardesk/locale/zh_Hans/LC_MESSAGES/django.po, then `ardesk compilemessages`"
)

# printf-style placeholders (%(name)s, %(count)d, %s, %%) and str.format ones ({name}, {0}, {}).
PYTHON_FORMAT = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")
BRACE_FORMAT = re.compile(r"\{[\w.\[\]]*(?:![rsa])?(?::[^{}]*)?\}")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def live_entries(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete]


def key(entry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


def placeholders(text: str) -> Counter:
    return Counter(PYTHON_FORMAT.findall(text)) + Counter(BRACE_FORMAT.findall(text))


def translations(entries) -> dict:
    """What msgfmt compiles: translated entries that are not fuzzy, keyed by (context, msgid)."""
    compiled = {}
    for entry in entries:
        if not entry.msgid or entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if all(forms):
                compiled[key(entry)] = forms
        elif entry.msgstr:
            compiled[key(entry)] = entry.msgstr
    return compiled


def where(entry) -> str:
    return ", ".join(f"{path}:{line}" for path, line in entry.occurrences)


def describe(entries) -> str:
    return "\n".join(f"  {entry.msgid!r}" for entry in entries)


def test_every_chinese_entry_is_translated_and_not_fuzzy():
    po = catalogue("zh_Hans")
    entries = live_entries(po)
    assert entries, "the Simplified Chinese catalogue is empty"
    assert not po.metadata_is_fuzzy, 'the catalogue header is marked fuzzy: remove `#, fuzzy` above msgid ""'
    fuzzy = [entry for entry in entries if "fuzzy" in entry.flags]
    untranslated = [
        entry
        for entry in entries
        if not ((entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr) or "").strip()
    ]
    problems = []
    if fuzzy:
        problems.append(f"fuzzy entries (check the translation, then remove `#, fuzzy`):\n{describe(fuzzy)}")
    if untranslated:
        problems.append(f"untranslated entries ({UPDATE_HINT}):\n{describe(untranslated)}")
    assert not problems, "zh_Hans catalogue: " + "\n".join(problems)


def test_chinese_translations_keep_the_placeholders_of_their_msgid():
    wrong = []
    for entry in live_entries(catalogue("zh_Hans")):
        expected = placeholders(entry.msgid_plural or entry.msgid)  # one Chinese form stands for every count
        strings = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for msgstr in strings:
            if placeholders(msgstr) != expected:
                wrong.append(
                    f"  {entry.msgid!r}: msgid has {sorted(expected.elements())}, "
                    f"msgstr {msgstr!r} has {sorted(placeholders(msgstr).elements())}"
                )
    assert not wrong, "translations whose placeholders differ from the msgid's:\n" + "\n".join(wrong)


def test_english_catalogue_lists_the_same_msgids():
    zh = {key(entry) for entry in live_entries(catalogue("zh_Hans"))}
    en = {key(entry) for entry in live_entries(catalogue("en"))}
    assert zh == en, (
        f"the catalogues differ ({UPDATE_HINT}): only in zh_Hans: {sorted(m for _c, m in zh - en)}; "
        f"only in en: {sorted(m for _c, m in en - zh)}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po(language):
    mo_path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), f"{mo_path} is missing: run `cd ardesk && ardesk compilemessages` and commit it"
    expected = translations(catalogue(language))
    compiled = translations(polib.mofile(str(mo_path)))
    stale = sorted(m for c, m in expected.keys() | compiled.keys() if expected.get((c, m)) != compiled.get((c, m)))
    assert not stale, (
        f"{mo_path.relative_to(ARDESK.parent)} is older than its .po; run `cd ardesk && ardesk compilemessages` "
        f"and commit the .mo. Messages that differ:\n" + "\n".join(f"  {m!r}" for m in stale)
    )


def test_no_marked_string_is_missing_from_the_catalogues(tmp_path):
    """Extract the messages afresh, from a copy of the source, and look for each in the catalogues."""
    tools = ["xgettext", "msguniq", "msgmerge", "msgattrib"]
    if not all(shutil.which(tool) for tool in tools):
        pytest.skip(f"GNU gettext ({', '.join(tools)}) is not installed, so the messages cannot be extracted")
    source = tmp_path / "ardesk"
    shutil.copytree(ARDESK, source, ignore=shutil.ignore_patterns("__pycache__", "locale", "*.pyc"))
    (source / "locale").mkdir()
    # Without a settings module makemessages writes into ./locale: the copy's, never the real one.
    env = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-P", "-m", "django", "makemessages", "-l", "zh_Hans", "--no-obsolete"],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
    fresh = live_entries(polib.pofile(str(source / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")))
    assert fresh, "makemessages extracted nothing"
    for language in LANGUAGES:
        known = {key(entry) for entry in live_entries(catalogue(language))}
        missing = [entry for entry in fresh if entry.msgid and key(entry) not in known]
        assert not missing, (
            f"marked strings missing from the {language} catalogue ({len(missing)}); {UPDATE_HINT}:\n"
            + "\n".join(f"  {entry.msgid!r} ({where(entry)})" for entry in missing)
        )


def test_django_translates_with_the_catalogues():
    with translation.override("zh-hans"):
        assert translation.gettext("Customers") == "客户"
        assert translation.gettext("Audit trail") == "审计日志"
    with translation.override("en"):
        assert translation.gettext("Customers") == "Customers"
        assert translation.gettext("Audit trail") == "Audit trail"
