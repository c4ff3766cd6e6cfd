"""A fresh database for a benchmark: PostgreSQL created and dropped by name, or SQLite in a new data folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable


def pg_recreate(pg_url: str, name: str, drop_only: bool = False) -> None:
    """Drop the database ``name`` on the server of ``pg_url`` and, unless ``drop_only``, create it empty."""
    import psycopg

    with psycopg.connect(f"{pg_url.rstrip('/')}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def database_arguments(parser, *, db_name: str) -> None:
    """The options every fresh-database benchmark takes: --database, --pg-url and --db-name."""
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--db-name", default=db_name, help="the PostgreSQL database, dropped at the end")


def run_in_fresh_database(args, *, prefix: str, run: Callable) -> None:
    """Set Django up on a new database (``args.database``, ``.pg_url``, ``.db_name``), call ``run(args)``, drop it."""
    if args.database == "postgres":
        pg_recreate(args.pg_url, args.db_name)
        os.environ["DATABASE_URL"] = f"{args.pg_url.rstrip('/')}/{args.db_name}"
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["ARDESK_DATA_DIR"] = tempfile.mkdtemp(prefix=prefix)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    import django

    django.setup()
    try:
        run(args)
    finally:
        if args.database == "postgres":
            from django.db import connections

            connections.close_all()
            pg_recreate(args.pg_url, args.db_name, drop_only=True)
