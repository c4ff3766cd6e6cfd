"""The shipped bucket sets: days past due and 账龄 (months since the document date).

A data migration creates them; tests whose database flush deletes them make them again.
"""

DEFAULT_SETS = [
    {
        "code": "overdue",
        "name": "Days past due",
        "name_zh": "逾期天数",
        "basis": "due",
        "unit": "days",
        "buckets": [
            ("not_due", "Not yet due", "未到期", 0),
            ("1-30", "1-30 days", "1-30天", 30),
            ("31-60", "31-60 days", "31-60天", 60),
            ("61-90", "61-90 days", "61-90天", 90),
            ("91-180", "91-180 days", "91-180天", 180),
            ("181-365", "181-365 days", "181-365天", 365),
            ("365+", "Over 365 days", "365天以上", None),
        ],
    },
    {
        "code": "age",
        "name": "Age since the document date",
        "name_zh": "账龄",
        "basis": "document",
        "unit": "months",
        "buckets": [
            ("0-6m", "Within 6 months", "6个月以内", 6),
            ("6-12m", "6-12 months", "6-12个月", 12),
            ("1-2y", "1-2 years", "1-2年", 24),
            ("2-3y", "2-3 years", "2-3年", 36),
            ("3y+", "Over 3 years", "3年以上", None),
        ],
    },
]


def bucket_sets_ensure(apps) -> None:
    """Create the shipped sets that are missing (an existing set of the same code is left as it is).

    A recreated set is its basis's default only when no other set has taken that place.
    """
    bucket_set_model = apps.get_model("reports", "BucketSet")
    bucket_model = apps.get_model("reports", "Bucket")
    for spec in DEFAULT_SETS:
        bucket_set, created = bucket_set_model.objects.get_or_create(
            code=spec["code"],
            defaults={
                "name": spec["name"],
                "name_zh": spec["name_zh"],
                "basis": spec["basis"],
                "unit": spec["unit"],
                "is_default": not bucket_set_model.objects.filter(basis=spec["basis"], is_default=True).exists(),
            },
        )
        if created:
            bucket_model.objects.bulk_create(
                bucket_model(bucket_set=bucket_set, seq=n, key=key, label=label, label_zh=label_zh, upper=upper)
                for n, (key, label, label_zh, upper) in enumerate(spec["buckets"], start=1)
            )
