"""Dunning charges: a level's fee and late-payment interest, a notice's charges and debit note, a
policy's company and interest day count; a level's minimum becomes an amount in the company's own
currency (it was kept in fen, as if every company kept its books in CNY: 10000 → 100.00)."""
from decimal import Decimal

import ardesk.core.money
import django.db.models.deletion
from django.db import migrations, models

from ardesk.accounts.roles import COLLECTIONS_CHARGES_PERMISSIONS, sync_role_permissions


def minimums_to_amounts(apps, schema_editor):
    level_model = apps.get_model("collections", "DunningLevel")
    levels = list(level_model.objects.all())
    for level in levels:
        level.min_amount = Decimal(level.min_amount_fen) / 100
    level_model.objects.bulk_update(levels, ["min_amount"])


def amounts_to_minimums(apps, schema_editor):
    level_model = apps.get_model("collections", "DunningLevel")
    levels = list(level_model.objects.all())
    for level in levels:
        level.min_amount_fen = int(level.min_amount * 100)
    level_model.objects.bulk_update(levels, ["min_amount_fen"])


def grant(apps, schema_editor):
    sync_role_permissions(apps, COLLECTIONS_CHARGES_PERMISSIONS)


class Migration(migrations.Migration):

    dependencies = [
        ('collections', '0008_auditor_reads_worklist'),
        ('companies', '0002_company_bank_account'),
        ('ledger', '0020_daily_totals'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='notice',
            options={'ordering': ['-notice_on', '-id'], 'permissions': [('charge_notice', "Can charge a notice's fee and interest by debit note")], 'verbose_name': 'dunning notice', 'verbose_name_plural': 'dunning notices'},
        ),
        migrations.AddField(
            model_name='dunninglevel',
            name='fee',
            field=models.DecimalField(decimal_places=4, default=0, help_text="A flat fee per notice (催收费用), in the company's functional currency; 0 for none.", max_digits=18, verbose_name='dunning fee'),
        ),
        migrations.AddField(
            model_name='dunninglevel',
            name='interest_rate',
            field=models.DecimalField(decimal_places=4, default=0, help_text='Annual rate of late-payment interest (逾期利息) on the open amount; 0 for none.', max_digits=7, verbose_name='late-payment interest (% a year)'),
        ),
        migrations.AddField(
            model_name='dunningpolicy',
            name='company',
            field=models.ForeignKey(blank=True, help_text='A policy of one company applies to its customers only; empty: shared by every company.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='companies.company', verbose_name='company'),
        ),
        migrations.AddField(
            model_name='dunningpolicy',
            name='interest_basis',
            field=models.PositiveSmallIntegerField(choices=[(365, 'Days overdue ÷ 365'), (360, 'Days overdue ÷ 360')], default=365, help_text='Late-payment interest = open amount × annual rate × days overdue ÷ 365 (or 360).', verbose_name='interest day count'),
        ),
        migrations.AddField(
            model_name='notice',
            name='charges',
            field=models.CharField(choices=[('none', 'No charges'), ('waived', 'Waived'), ('charged', 'Charged by debit note')], default='none', max_length=8, verbose_name='charges'),
        ),
        migrations.AddField(
            model_name='notice',
            name='debit_note',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ledger.document', verbose_name='debit note'),
        ),
        migrations.AddField(
            model_name='notice',
            name='fee',
            field=ardesk.core.money.MinorUnitsField(default=0, verbose_name='dunning fee'),
        ),
        migrations.AddField(
            model_name='notice',
            name='interest',
            field=ardesk.core.money.MinorUnitsField(default=0, verbose_name='late-payment interest'),
        ),
        migrations.RenameField(model_name='dunninglevel', old_name='min_amount', new_name='min_amount_fen'),
        migrations.AddField(
            model_name='dunninglevel',
            name='min_amount',
            field=models.DecimalField(decimal_places=4, default=0, help_text="In the company's functional currency: smaller totals wait for the next run.", max_digits=18, verbose_name='minimum overdue amount'),
        ),
        migrations.RunPython(minimums_to_amounts, amounts_to_minimums),
        migrations.RemoveField(model_name='dunninglevel', name='min_amount_fen'),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
