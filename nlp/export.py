"""Export of the archive database: one file per table (parquet, csv, xlsx, jsonl).

CSV is written with a UTF-8 byte-order mark: Excel on a Chinese Windows reads a BOM-less CSV as
GBK and shows mojibake. The `errors` table gains the document's `path` (its rows only name a
document id), so an exported error list says which file failed.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .store import EXPORT_FORMATS, TABLES, MissingExtra

_ARROW_TYPES = {"INTEGER": "int64", "REAL": "float64"}
# Extra columns joined onto a table's own, for a reader who has only the exported file.
_JOINED = {"errors": ("path", "TEXT", "(SELECT d.path FROM documents d WHERE d.id = t.document_id)")}
XLSX_MAX_CELL = 32767  # Excel's limit on one cell's characters


def columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(name, declared type) of a table's exported columns, joined ones last."""
    cols = [(r[1], (r[2] or "TEXT").upper()) for r in conn.execute(f"PRAGMA table_info({table})")]
    if table in _JOINED:
        name, kind, _ = _JOINED[table]
        cols.append((name, kind))
    return cols


def rows(conn: sqlite3.Connection, table: str) -> Iterator[tuple]:
    """Every row of a table in rowid order, joined columns included."""
    own = ", ".join(f't."{r[1]}"' for r in conn.execute(f"PRAGMA table_info({table})"))
    extra = f", {_JOINED[table][2]}" if table in _JOINED else ""
    yield from conn.execute(f"SELECT {own}{extra} FROM {table} t ORDER BY t.rowid")


def _parquet(conn: sqlite3.Connection, table: str, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = columns(conn, table)
    schema = pa.schema([(c, getattr(pa, _ARROW_TYPES.get(t, "string"))()) for c, t in cols])
    data_rows = list(rows(conn, table))
    data = {c: [r[i] for r in data_rows] for i, (c, _) in enumerate(cols)}
    pq.write_table(pa.Table.from_pydict(data, schema=schema), path)


def _csv(conn: sqlite3.Connection, table: str, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([c for c, _ in columns(conn, table)])
        w.writerows(rows(conn, table))


def _xlsx(conn: sqlite3.Connection, table: str, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=table)
    ws.append([c for c, _ in columns(conn, table)])
    for r in rows(conn, table):
        ws.append([v[:XLSX_MAX_CELL] if isinstance(v, str) else v for v in r])
    wb.save(path)


def _jsonl(conn: sqlite3.Connection, table: str, path: Path) -> None:
    names = [c for c, _ in columns(conn, table)]
    with path.open("w", encoding="utf-8") as fh:
        for r in rows(conn, table):
            fh.write(json.dumps(dict(zip(names, r)), ensure_ascii=False) + "\n")


_WRITERS = {"parquet": _parquet, "csv": _csv, "xlsx": _xlsx, "jsonl": _jsonl}


def export_tables(conn: sqlite3.Connection, outdir: str | Path, fmt: str) -> dict[str, Path]:
    """Write one file per table into `outdir`; return table -> file."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (expected {', '.join(EXPORT_FORMATS)})")
    try:
        if fmt == "parquet":
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        elif fmt == "xlsx":
            import openpyxl  # noqa: F401
    except ImportError as exc:
        need = "pyarrow: pip install 'plan-nlp[dask]'" if fmt == "parquet" else "openpyxl: pip install openpyxl"
        raise MissingExtra(f"{fmt} export needs {need}") from exc
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for table in TABLES:
        path = out / f"{table}.{fmt}"
        _WRITERS[fmt](conn, table, path)
        written[table] = path
    return written
