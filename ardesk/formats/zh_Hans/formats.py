"""Number and date formats for Simplified Chinese as finance software shows them.

Django's own zh_Hans formats group digits by four (万); Chinese accounting software and printed
statements group amounts by three: 1,234,567.89.
"""

DATE_FORMAT = "Y年n月j日"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y年n月j日 H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
