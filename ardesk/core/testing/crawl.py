"""The crawl of every screen: what a page may not show a finance team, checked in a real browser.

Used by the crawl test (``ardesk/demo/tests/test_crawl.py``), which signs in as every role in both
languages on the demo data, visits every page of the menu and a sample of detail pages, and fails
on what PRODUCT.md promises never to show: a server error, English or a raw code on a Chinese
page, Chinese labels on an English page, an amount of 1,000 or more without grouping, a date input
whose value a browser rejects (not ISO), a KPI period left blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Words a Chinese page may show: product and standard abbreviations, units, the brand.
ALLOWED_WORDS = frozenset(
    {
        "ARdesk",
        "DSO",
        "CEI",
        "API",
        "OpenAPI",
        "PDF",
        "CSV",
        "XLSX",
        "Excel",
        "ERP",
        "ID",
        "IFRS",
        "ECL",
        "English",
        "Token",
        "Bearer",
        "Z",  # Altman's Z score (Z 值)
        "VIP",
        "HTTP",
        "JSON",
        "URL",
        "zip",
        "ZIP",
    }
)
# A token that is data, not interface text: codes (C0001, SH01, INV-2026-000123), ISO currencies,
# e-mail addresses, host names and user names of the demo (shown as who did what).
CODE = re.compile(r"^(?=.*\d)[A-Za-z0-9_./-]+$|^[A-Z][A-Z0-9-]{1,9}$")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]*")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z_]+\b")
# An amount: digits with a decimal part, or a long bare integer (fen shown raw). Grouped amounts
# (1,234.50) and codes glued to letters or dashes (C0001, 2026-12-06) do not match.
UNGROUPED_AMOUNT = re.compile(r"(?<![\w,.\-/:#+])(?<!\d )(\d{4,}(?:\.\d+)?)(?![\w,\-/:%])(?! \d)")
DOMAIN = re.compile(r"\.(?:cn|com|net|org|local)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
CJK = re.compile(r"[\u4e00-\u9fff]")

# What the page reports to the check: the text of the interface (navigation, headings, tables,
# labels, buttons, paragraphs, options) apart from text marked as being in the other language
# (lang="en" on a setting's English variant), as raw syntax (data-raw: a JSON editor's help) or as
# text a user typed, shown as typed (data-entered: a request's reason, a term's own name), and
# every date input's value as the server wrote it.
PAGE_FACTS_JS = """() => {
  const sel = 'nav, h1, h2, h3, h4, th, td, dt, dd, label, legend, button, .btn, summary, caption, p, li';
  const pageLang = document.documentElement.lang;
  // Labels: what the interface names, never data (a customer's name is data, in any language).
  const labelSel = 'nav, h2, h3, h4, th, label, legend, button, dt, caption, summary';
  const chrome = [];
  const labels = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.closest(sel)) continue;
    if (parent.closest('script, style, textarea, code, [data-raw], [data-entered]')) continue;
    const marked = parent.closest('[lang]');
    if (marked && marked.lang !== pageLang) continue;  // text deliberately in the other language
    const text = node.textContent.trim();
    if (!text) continue;
    chrome.push(text);
    if (parent.closest(labelSel) && !parent.closest('a, td a')) labels.push(text);
  }
  const inputs = [];
  for (const el of document.querySelectorAll('input[type=date], input[type=month]')) {
    inputs.push({name: el.name || el.id, type: el.type, value: el.getAttribute('value') || ''});
  }
  const options = [];
  for (const el of document.querySelectorAll('select option')) options.push(el.textContent || '');
  return {text: document.body.innerText, chrome: chrome.join('\\n'), labels: labels.join('\\n'),
          options: options.join('\\n'),
          inputs: inputs, lang: pageLang};
}"""


@dataclass
class PageFacts:
    url: str
    status: int
    text: str = ""
    chrome: str = ""
    labels: str = ""
    options: str = ""
    inputs: list[dict] = field(default_factory=list)
    lang: str = ""


def english_words(text: str, allowed_data: frozenset[str] = frozenset()) -> list[str]:
    """The English words and raw codes in a Chinese page's text, outside the allow-list and the data's own words."""
    found = []
    for line in text.splitlines():
        if "@" in line or "://" in line:
            line = " ".join(token for token in line.split() if "@" not in token and "://" not in token)
        for word in WORD.findall(line):
            bare = word.strip(".-_")
            if not re.search("[A-Za-z]", bare) or bare in ALLOWED_WORDS or bare in allowed_data:
                continue
            if SNAKE.fullmatch(bare):
                found.append(bare)
                continue
            if CODE.match(bare) or (len(bare) == 1 and bare.isupper()):
                continue
            found.append(bare)
    return found


def ungrouped_amounts(text: str) -> list[str]:
    """Numbers of 1,000 or more shown without thousands separators (years and codes aside)."""
    found = []
    for match in UNGROUPED_AMOUNT.finditer(text):
        number = match.group(1)
        whole = number.split(".")[0]
        if "." not in number and (
            len(whole) == 4  # a year (2026年) or an account code (1122 应收账款)
            or whole.startswith("0")  # an account or ID number
            or len(whole) >= 15  # a bank account or ID card number
            or (len(whole) == 11 and whole.startswith("1"))  # a mobile phone number
        ):
            continue
        found.append(number)
    return found


def problems_of(facts: PageFacts, *, language: str, allowed_data: frozenset[str]) -> list[str]:
    """Everything wrong with one page, each as one line naming what was seen."""
    problems = []
    if facts.status >= 500:
        return [f"HTTP {facts.status}"]
    for box in facts.inputs:
        pattern = ISO_MONTH if box["type"] == "month" else ISO_DATE
        if box["value"] and not pattern.match(box["value"]):
            problems.append(f"{box['type']} input {box['name']!r} has the value {box['value']!r} (not ISO)")
    for number in ungrouped_amounts(facts.text + "\n" + facts.options):
        problems.append(f"amount without grouping: {number}")
    if language == "zh-hans":
        for word in english_words(facts.chrome + "\n" + facts.options, allowed_data):
            problems.append(f"English on a Chinese page: {word!r}")
        for code in SNAKE.findall(facts.chrome):
            if code not in allowed_data and not DOMAIN.search(code):
                problems.append(f"a raw code on a Chinese page: {code!r}")
    else:
        for line in facts.labels.splitlines():
            if CJK.search(line) and not any(word in line for word in allowed_data):
                problems.append(f"Chinese interface text on an English page: {line.strip()[:60]!r}")
    return list(dict.fromkeys(problems))


DETAIL = re.compile(r"^/[a-z-]+/(?:[a-z-]+/)*\d+/(?:[a-z-]+/)?$")


def detail_pattern(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def sample_detail_links(hrefs: list[str], origin: str, per_pattern: int, seen: set[str]) -> list[str]:
    """Up to ``per_pattern`` links to each kind of detail page (customer, document, run...) not yet visited."""
    counts: dict[str, int] = {}
    for url in seen:
        counts[detail_pattern(urlsplit(url).path)] = counts.get(detail_pattern(urlsplit(url).path), 0) + 1
    chosen = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin or parts.query or not DETAIL.match(parts.path):
            continue
        if any(word in parts.path for word in ("delete", "reverse", "retry", "decide", "complete", "confirm")):
            continue
        url = origin + parts.path
        kind = detail_pattern(parts.path)
        if url in seen or counts.get(kind, 0) >= per_pattern:
            continue
        counts[kind] = counts.get(kind, 0) + 1
        seen.add(url)
        chosen.append(url)
    return chosen


def visit(page, url: str) -> PageFacts:
    response = page.goto(url, wait_until="domcontentloaded")
    status = response.status if response is not None else 0
    if status >= 500:
        return PageFacts(url=url, status=status)
    return PageFacts(url=url, status=status, **page.evaluate(PAGE_FACTS_JS))


def switch_language(page, language: str) -> None:
    """Choose the interface language the way a user does, with the switch in the top bar."""
    if page.evaluate("document.documentElement.lang") != language:
        with page.expect_navigation():
            page.click(f".language-switch button[value='{language}']")


def crawl(page, origin: str, *, language: str, allowed_data: frozenset[str], per_pattern: int, shots, extra=()):
    """Visit the signed-in user's menu and a sample of the detail pages it links to; returns {url: problems}.

    ``shots`` is a folder: a full-page screenshot of each page with a problem is saved there.
    """
    switch_language(page, language)
    menu = page.eval_on_selector_all("nav.sidebar a[href]", "links => links.map(a => a.href)")
    # The API's documentation is the OpenAPI description, in English for developers by design.
    # Django's own administration (users, roles, companies) speaks Django's words, not the product's.
    menu = [url for url in menu if "/api/" not in url and "/admin/" not in url]
    pages = list(dict.fromkeys([origin + "/", *menu, *(origin + path for path in extra)]))
    seen: set[str] = set(pages)
    failures: dict[str, list[str]] = {}
    index = 0
    while index < len(pages):
        url = pages[index]
        index += 1
        facts = visit(page, url)
        problems = problems_of(facts, language=language, allowed_data=allowed_data)
        if problems:
            name = re.sub(r"[^A-Za-z0-9]+", "_", urlsplit(url).path).strip("_") or "home"
            shot = shots / f"{language}-{name}.png"
            if facts.status < 500:
                page.screenshot(path=str(shot), full_page=True)
            failures[url] = [*problems, f"screenshot: {shot}"]
        if facts.status < 500 and facts.status != 403:
            hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.href)")
            pages.extend(sample_detail_links(hrefs, origin, per_pattern, seen))
    return failures, pages
