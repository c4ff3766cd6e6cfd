"""``field__any_of=values``: membership in a long list of ids or keys, cheap to compile and to send.

Django's ``__in`` writes one placeholder per value, and psycopg then splits the statement at every
one of them: for the few thousand ids of a bulk run (cash application's batches, the matcher's
customers) compiling and converting the statement cost more than running it. On PostgreSQL
``any_of`` sends the values as one array literal (``= ANY(%s::bigint[])``, or ``text[]`` for text
fields), made in one join; elsewhere it is ``IN`` as usual. Registered on integer, text and
foreign-key fields by ``core.apps``.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db.models import CharField, ForeignKey, IntegerField, Lookup, TextField

from ardesk.core.bulk import plain_array, text_array


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False  # a list of values, not one value of the field

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            raise EmptyResultSet
        field = self.lhs.output_field
        field = field.target_field if isinstance(field, ForeignKey) else field
        textual = isinstance(field, CharField | TextField)
        if connection.vendor == "postgresql":
            if textual:
                return f"{lhs} = ANY(%s::text[])", [*params, text_array(values)]
            return f"{lhs} = ANY(%s::bigint[])", [*params, plain_array(int(v) for v in values)]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*params, *values]


def register() -> None:
    for field in (IntegerField, CharField, TextField, ForeignKey):
        field.register_lookup(AnyOf)
