"""An e-mail of plain text with files attached, its MIME message written directly: the bytes Django writes, faster.

A dunning run sends an e-mail a notice. Django's ``EmailMessage.message()`` builds the message
with the standard library's ``email`` package, whose generator folds and encodes every header
and part through its policy: about half a millisecond an e-mail, as much as drawing the letter.
``PlainEmail`` writes the same headers and parts (multipart/mixed; the text in UTF-8, 8bit, or
7bit when it is ASCII; each file in base64 with its name) as bytes. Anything outside that simple
case (copies, reply-to or extra headers, HTML alternatives, an address or file name that is not
ASCII, a text line longer than SMTP allows) is left to Django's own ``message()``. Like Django,
a subject with a line break is refused (a header injection).
"""

from __future__ import annotations

import base64
import random
import re
import sys
from email.header import Header
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail import BadHeaderError, EmailMessage
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT
from django.core.mail.utils import DNS_NAME


class _Written:
    """A message already written: what Django's backends ask of ``message()``'s result."""

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        return linesep.encode().join(self.lines)

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode()

    def get_charset(self) -> None:
        return None


def _ascii(text: str) -> bool:
    return text.isascii() and not any(char in text for char in '\n\r"\\')


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _boundary(parts: list[bytes]) -> bytes:
    """A boundary like the standard library's, that no part contains."""
    while True:
        boundary = b"===============%019d==" % random.randrange(sys.maxsize)  # noqa: S311 - not a secret
        if not any(boundary in part for part in parts):
            return boundary


class PlainEmail(EmailMessage):
    """``EmailMessage`` for text with attached files, written without the ``email`` package's generator."""

    def message(self):
        simple = (
            self.content_subtype == "plain"
            and not (self.cc or self.reply_to or self.extra_headers)
            and (self.encoding or settings.DEFAULT_CHARSET).lower() in ("utf-8", "utf8")
            and _ascii(self.from_email)
            and all(_ascii(address) for address in self.to)
            and all(
                isinstance(attachment, tuple) and isinstance(attachment[1], bytes) and _ascii(attachment[0] or "")
                for attachment in self.attachments
            )
        )
        if not simple or not self.to or not self.body:
            return super().message()  # (Django leaves an empty text out)
        if "\n" in self.subject or "\r" in self.subject:
            raise BadHeaderError(f"Header values can't contain newlines (got {self.subject!r} for header 'Subject')")
        body = self.body.encode()
        text_lines = _LINE_BREAK.split(body)
        if any(len(line) > RFC5322_EMAIL_LINE_LENGTH_LIMIT for line in text_lines):
            return super().message()  # Django writes long lines in quoted-printable
        if len(self.subject) > 900:
            return super().message()  # Django folds a long subject over several lines
        if self.subject.isascii():
            subject = self.subject
        else:
            subject = Header(self.subject, "utf-8", header_name="Subject").encode(linesep="\n")
        files = [(name, base64.encodebytes(content), mimetype) for name, content, mimetype in self.attachments]
        boundary = _boundary([body, *(encoded for _name, encoded, _type in files)])
        lines = [
            b'Content-Type: multipart/mixed; boundary="' + boundary + b'"',
            b"MIME-Version: 1.0",
            *(b"Subject: " + subject.encode()).split(b"\n"),
            b"From: " + self.from_email.encode(),
            b"To: " + ", ".join(self.to).encode(),
            b"Date: " + formatdate(localtime=settings.EMAIL_USE_LOCALTIME).encode(),
            b"Message-ID: " + make_msgid(domain=DNS_NAME).encode(),
            b"",
            b"--" + boundary,
            b'Content-Type: text/plain; charset="utf-8"',
            b"MIME-Version: 1.0",
            b"Content-Transfer-Encoding: " + (b"7bit" if body.isascii() else b"8bit"),
            b"",
            *text_lines,
        ]
        for name, encoded, mimetype in files:
            lines += [
                b"--" + boundary,
                b"Content-Type: " + (mimetype or "application/octet-stream").encode(),
                b"MIME-Version: 1.0",
                b"Content-Transfer-Encoding: base64",
                b'Content-Disposition: attachment; filename="' + name.encode() + b'"',
                b"",
                *encoded.split(b"\n"),  # ends with an empty line, as the generator writes it
            ]
        lines += [b"--" + boundary + b"--", b""]
        return _Written(lines)
