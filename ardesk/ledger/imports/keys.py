"""The document numbers and references a file has given so far, kept in bounded memory.

An import reports a number (or an external reference) that the file gives twice, at the later
row. Kept in Python sets, the keys of a file took about 200 bytes a row: 2.4 GB for a file of
10,000,000 invoices, against issue 3's 500 MB for an import. They are kept instead in a private
SQLite database of the import's own, one table a kind of key with the key as its primary key:
SQLite keeps it in a page cache of ``CACHE_KIB`` and spills the rest to a temporary file, which
it deletes when the import closes it. It is not the ledger's database, on purpose: a dry run, and
a run past its first problem, write nothing to the ledger but must still find every repeat, and
the ledger's connection is the writer's while it works (core.bulk.Writer).
"""

from __future__ import annotations

import json
import sqlite3

# The SQLite page cache; beyond it the keys are on disk, in the temporary file's pages.
CACHE_KIB = 16 * 1024

# ``kind``: numbered by ``FileKeys.kinds``; ``chunk``: the call of ``FileKeys.repeated`` that first gave the key.
_CREATE = "CREATE TABLE keys (kind INTEGER, key TEXT, chunk INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID"
_ADD = "INSERT INTO keys (kind, key, chunk) SELECT ?, value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING"
_MET_BEFORE = "SELECT key FROM keys WHERE kind = ? AND key IN (SELECT value FROM json_each(?)) AND chunk < ?"


class FileKeys:
    """Keys of some kinds (document numbers, external references) met so far in a file, to find those it gives again."""

    def __init__(self):
        self.kinds: dict[str, int] = {}
        self.chunks = 0
        # "": a private temporary database, deleted on close; no journal: nothing of it need survive a failure.
        self.db = sqlite3.connect("", isolation_level=None)
        self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute(_CREATE)

    def repeated(self, kind: str, keyed: list[tuple[int, str]]) -> set[int]:
        """The lines of ``keyed`` (line, key, in the file's order) whose key an earlier line gave; all are kept.

        An empty key is never a repeat.
        """
        first: dict[str, int] = {}
        repeats = set()
        for line, key in keyed:
            if not key:
                continue
            if key in first:
                repeats.add(line)
            else:
                first[key] = line
        if not first:
            return repeats
        self.chunks += 1
        number = self.kinds.setdefault(kind, len(self.kinds))
        # In key order, so that the table's pages are filled in turn.
        keys = json.dumps(sorted(first))
        added = self.db.execute(_ADD, [number, self.chunks, keys]).rowcount
        if added < len(first):
            # Some keys were there already, from earlier chunks (the rare case): which ones.
            found = self.db.execute(_MET_BEFORE, [number, keys, self.chunks])
            repeats.update(first[key] for (key,) in found)
        return repeats

    def close(self) -> None:
        self.db.close()
