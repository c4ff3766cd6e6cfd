"""A keyed hash beside each customer's encrypted bank account, so bank statements find the customer."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from ardesk.core.crypto import blind_index

    Customer = apps.get_model("customers", "Customer")
    changed = []
    for customer in Customer.objects.exclude(bank_account="").only("pk", "bank_account").iterator():
        customer.bank_account_index = blind_index(customer.bank_account or "")
        changed.append(customer)
    Customer.objects.bulk_update(changed, ["bank_account_index"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("customers", "0003_list_order_and_search")]

    operations = [
        migrations.AddField(
            model_name="customer",
            name="bank_account_index",
            field=models.CharField(blank=True, db_index=True, default="", editable=False, max_length=64),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
