"""The directly written e-mail reads, to a mail program, exactly as the one Django's ``email`` generator writes."""

from __future__ import annotations

import email
from email import policy

import pytest
from django.core.mail import BadHeaderError, EmailMessage

from ardesk.core.emails import PlainEmail

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 20


def _read(message: EmailMessage) -> email.message.EmailMessage:
    return email.message_from_bytes(message.message().as_bytes(linesep="\r\n"), policy=policy.default)


def _summary(parsed: email.message.EmailMessage) -> dict:
    parts = [
        (part.get_content_type(), part.get("Content-Transfer-Encoding"), part.get_filename(), part.get_content())
        for part in parsed.iter_parts()
    ]
    headers = [name for name in parsed.keys() if name not in ("Date", "Message-ID")]
    return {
        "headers": headers,
        "subject": parsed["Subject"].strip(),
        "from": parsed["From"],
        "to": parsed["To"],
        "parts": parts,
    }


@pytest.mark.parametrize(
    ("subject", "body", "to"),
    [
        (
            "逾期款项第一次催款通知 - 华东机电有限公司（上海）",
            "尊敬的李娜：\n\n经核对，以下款项已逾期。\nINV-1  1,200.00 CNY",
            ["li@example.cn"],
        ),
        (
            "Overdue items - first notice - Smith & Sons <Trading>",
            "Dear O'Brien,\n\nplease pay.",
            ["a@x.com", "b@x.com"],
        ),
        ("Subject", "", ["a@x.com"]),
        ("主题", "末尾有换行\n\n", ["a@x.com"]),
        ("A long subject " * 20, "x\r\ny\rz", ["a@x.com"]),
        ("Mixed 中文 and English 很长的主题" * 6, "--===============0000000000000000001==\n", ["a@x.com"]),
    ],
)
def test_a_text_e_mail_with_a_letter_reads_as_djangos(subject, body, to):
    expected = EmailMessage(subject, body, "ar@example.cn", to)
    written = PlainEmail(subject, body, "ar@example.cn", to)
    for message in (expected, written):
        message.attach("C000001-20250320.pdf", PDF, "application/pdf")
        message.attach("notes.bin", b"\x00\x01", None)
    assert _summary(_read(written)) == _summary(_read(expected))
    assert _read(written)["Message-ID"] and _read(written)["Date"]


def test_what_is_not_a_plain_text_e_mail_is_written_by_django():
    message = PlainEmail("主题", "正文", "ar@example.cn", ["a@x.com"], cc=["b@x.com"], headers={"X-Run": "7"})
    message.attach("备注.txt", "中文", "text/plain")
    assert isinstance(message.message(), email.message.Message)
    assert _read(message)["Cc"] == "b@x.com"


def test_a_subject_with_a_line_break_is_refused_as_django_refuses_it():
    with pytest.raises(BadHeaderError):
        PlainEmail("Overdue\nBcc: victim@example.com", "text", "ar@example.cn", ["a@x.com"]).message()
