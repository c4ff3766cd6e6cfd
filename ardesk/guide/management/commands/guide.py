"""ardesk guide pdf --lang zh-hans --out FILE: write the user guide of a language as one PDF."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ardesk.guide.helpfiles import language_folder
from ardesk.guide.userguide import guide_pdf


class Command(BaseCommand):
    help = "The user guide. 'pdf' writes the guide of a language (role guides, every screen's help, what's new) as PDF."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["pdf"])
        parser.add_argument(
            "--lang", choices=[code for code, _name in settings.LANGUAGES], default=settings.LANGUAGE_CODE
        )
        parser.add_argument("--out", required=True, help="the PDF file to write")

    def handle(self, *args, **options):
        data = guide_pdf(language_folder(options["lang"]))
        out = Path(options["out"])
        out.write_bytes(data)
        self.stdout.write(f"User guide ({options['lang']}) written to {out}: {len(data):,} bytes.")
