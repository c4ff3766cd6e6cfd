"""ardesk insights train [--company C], ardesk insights forecast [--weeks 13] [--company C] --format json,
ardesk insights scorecard --company C --user U

train     trains a new version of each company's pay-date model (or one company's) and prints its figures
forecast  prints the cash-collection forecast from the stored predictions
scorecard learns a payment-behaviour scorecard and saves it as a new credit scorecard version
"""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.errors import ApplicationError
from ardesk.insights import api, selectors, services


class Command(BaseCommand):
    help = "Insights: train the pay-date models, print the cash-collection forecast."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="what", required=True)
        train = commands.add_parser("train", help="Train a new model version per company")
        train.add_argument("--company", help="A company's code (every company by default)")
        card = commands.add_parser("scorecard", help="Learn a scorecard from a company's history (a credit version)")
        card.add_argument("--company", required=True)
        card.add_argument("--user", required=True, help="Who saves the scorecard version (allowed to edit scorecards)")
        forecast = commands.add_parser("forecast", help="The cash-collection forecast")
        forecast.add_argument("--company")
        forecast.add_argument("--weeks", type=int, default=13)
        forecast.add_argument("--format", choices=["json", "text"], default="text")

    def _companies(self, code):
        companies = Company.objects.filter(is_active=True).order_by("code")
        if code:
            companies = companies.filter(code=code)
            if not companies:
                raise CommandError(f"No active company {code}")
        return companies

    def handle(self, *args, **options):
        if options["what"] == "train":
            for company in self._companies(options.get("company")):
                try:
                    version = services.model_train(company=company)
                except ApplicationError as error:
                    self.stderr.write(f"{company.code}: not trained: {error}")
                    continue
                self.stdout.write(
                    f"{company.code} version {version.version}: {version.method} in use "
                    f"({version.train_count} items learned, {version.holdout_count} held out from "
                    f"{version.holdout_from.isoformat()}, {version.seconds} s)"
                )
                for name, row in version.figures.items():
                    self.stdout.write(
                        f"  {name:30} MAE {row['mae_days']:7.2f} days   within ±7 days {row['within_7_days']:.1%}"
                    )
            return
        if options["what"] == "scorecard":
            self._scorecard(options)
            return
        companies = self._companies(options.get("company"))
        groups = selectors.collection_forecast(
            company_ids=[c.pk for c in companies], as_of=clock.today(), weeks=max(1, options["weeks"])
        )
        result = api.forecast_out(groups)
        if options["format"] == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        for group in result:
            self.stdout.write(f"company {group['company_id']} {group['currency']} open {group['open']['amount']}")
            for week in group["weeks"]:
                self.stdout.write(
                    f"  {week['week_start']}  {week['expected']['amount']:>16}  "
                    f"({week['low']['amount']} – {week['high']['amount']})"
                )

    def _scorecard(self, options) -> None:
        company = self._companies(options["company"]).first()
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user {options['user']}")
        try:
            result = services.scorecard_learn(company=company, by=user)
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
