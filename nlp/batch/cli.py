"""Commands `batch`, `search` and `export` (registered on the main app; runnable alone too)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Archive database: batch, search, export.")


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"
    jsonl = "jsonl"


FAILURES_SHOWN = 50  # failed files named one per line; the rest counted


def _fail(err: Console, message: str) -> None:
    typer.echo(f"plan-nlp: {message}", err=True)  # one unwrapped line, whatever the terminal width
    raise typer.Exit(1)


def _analyzed_by_last_run(db: Path) -> int | None:
    """Files the latest run wrote after analysis (unsupported files, recorded without analysis, left
    out); None when the database cannot be read."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(
                "SELECT count(*) FROM documents d WHERE d.run_id = (SELECT max(id) FROM runs) AND NOT EXISTS"
                " (SELECT 1 FROM errors e WHERE e.document_id = d.id AND e.reason = 'unsupported_format')"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def batch(
    archive: Path = typer.Argument(..., help="Archive folder (walked recursively)."),
    db: Path = typer.Option(Path("plans.db"), "--db", help="SQLite database to create or update."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", show_default=False,
                                          help="Worker processes (default 0: one per core)."),
    engine: EngineName = typer.Option(EngineName.local, "--engine", help="local processes or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (else a LocalCluster)."),
    force: bool = typer.Option(False, "--force", help="Re-analyze unchanged files too."),
    timeout: Optional[float] = typer.Option(
        None, "--timeout", min=0, show_default=False,
        help="Seconds one file may take before it is failed (default 600; 0: no limit; local engine only)."),
) -> None:
    """Analyze every file of an archive into a database (unchanged files are skipped)."""
    from nlp.batch.engines import default_workers
    from nlp.batch.run import iter_report_lines, run_batch
    from nlp.errors import PlanNLPError
    from nlp.store import MissingExtra

    from nlp.settings import cli_settings

    settings = cli_settings({"batch": {"workers": workers, "timeout": timeout}}).batch
    err = Console(stderr=True)
    n = settings.workers or default_workers()
    tty = sys.stderr.isatty()
    bar = None
    if tty:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       TextColumn("{task.description}"), console=err, transient=True)
    task_id = None
    counts = [0, 0]  # files stored, files to analyze

    def progress(event: str, done: int, todo: int, result) -> None:
        nonlocal task_id
        counts[:] = [done, todo]
        if bar is not None:
            if event == "start":
                bar.start()
                task_id = bar.add_task("", total=todo)
            elif event == "file":
                bar.update(task_id, completed=done, description=result.path[-40:])
            else:
                bar.stop()
        elif event == "start":
            typer.echo(f"{todo} files to analyze", err=True)
        elif event == "file":
            what = f"failed ({result.reason}: {result.detail})" if result.reason else f"{len(result.articles)} articles"
            typer.echo(f"[{done}/{todo}] {result.path}: {what}", err=True)

    try:
        report = run_batch(archive, db, workers=n, engine=engine.value, scheduler=scheduler, force=force,
                           progress=progress, file_timeout=settings.timeout or None)
    except (PlanNLPError, MissingExtra) as exc:
        if bar is not None:
            bar.stop()
        _fail(err, str(exc))
        return
    except KeyboardInterrupt:
        if bar is not None:
            bar.stop()
        # The files analyzed so far are committed (the run is recorded as interrupted): say so,
        # rather than a traceback, and how to go on.
        # Counted in the database, not from the last progress call: Ctrl-C may land between a
        # file's write (committed on the way out) and its progress report.
        stored = _analyzed_by_last_run(db)
        typer.echo(f"plan-nlp: interrupted after {counts[0] if stored is None else stored} of {counts[1]} files "
                   "to analyze; they are stored. "
                   "Run the same command again to analyze the rest (stored files are skipped).", err=True)
        raise typer.Exit(130) from None
    for line in iter_report_lines(report):
        typer.echo(line)
    if _report_failures(db, archive, report.run_id):
        raise typer.Exit(1)


def failure_lines(failures: list[tuple[str, str, str, int | None]], run_id: int) -> list[str]:
    """Lines naming every failed file with its reason: this run's first, then earlier ones."""
    now = [f for f in failures if f[3] == run_id]
    before = [f for f in failures if f[3] != run_id]
    lines: list[str] = []
    for group, head in ((now, "failed in this run"), (before, "still fail (unchanged since an earlier run)")):
        if not group:
            continue
        lines.append(f"{len(group)} file{'s' if len(group) != 1 else ''} {head}:")
        lines += [f"  {path}: {detail or reason} [{reason}]" for path, reason, detail, _ in group[:FAILURES_SHOWN]]
        if len(group) > FAILURES_SHOWN:
            lines.append(f"  … and {len(group) - FAILURES_SHOWN} more (see `export` → errors)")
    return lines


def _report_failures(db: Path, archive: Path, run_id: int) -> bool:
    """Name on stderr every file of the archive that fails now; True if any does."""
    from nlp import store

    conn = store.connect(db)
    try:
        failures = store.failed_documents(conn, str(archive.resolve()))
    finally:
        conn.close()
    for line in failure_lines(failures, run_id):
        typer.echo(line, err=True)
    return bool(failures)


def _open_existing(db: Path, err: Console):
    """A connection to a database `batch` wrote; a missing one is a one-line error, never a new file."""
    from nlp import store

    if not db.exists():
        _fail(err, f"{db}: no such database (run `batch` first)")
    return store.connect(db)


def search(
    query: str = typer.Argument(..., help="Words to find (segmented like the index)."),
    db: Path = typer.Option(Path("plans.db"), "--db", help="Database written by `batch`."),
    limit: int = typer.Option(10, "--limit", "-n", help="Most results shown."),
    year: Optional[int] = typer.Option(None, "--year", help="Only articles of this year (e.g. 2023)."),
    org_type: Optional[str] = typer.Option(
        None, "--org-type", help="Only this organisation type: federation, school, enterprise, hospital, community…"),
    genre: Optional[str] = typer.Option(None, "--genre", help="Only this genre: plan, summary, mixed or other."),
    source: Optional[str] = typer.Option(
        None, "--source", help="Only files whose path (relative to the archive) matches this glob or contains this text."),
) -> None:
    """Full-text search over the archive: source, article title, section and a snippet per hit."""
    from nlp import store

    err = Console(stderr=True)
    conn = _open_existing(db, err)
    where = store.SearchFilter(year=year, org_type=org_type, genre=genre, source=source)
    try:
        tty = sys.stdout.isatty()
        hits = store.search(conn, query, limit=limit, mark=("\x00", "\x01") if tty else ("[", "]"), where=where)
    finally:
        conn.close()
    out = Console(highlight=False)
    if not hits:
        typer.echo(f"no match for {query!r}", err=True)
        raise typer.Exit(1)
    for h in hits:
        head = f"{h.source} #{h.article} {h.title}"
        section = " > ".join(h.section)
        if tty:
            from rich.markup import escape

            snippet = escape(h.snippet).replace("\x00", "[bold red]").replace("\x01", "[/bold red]")
            out.print(f"[bold]{escape(head)}[/bold]" + (f"  [dim]{escape(section)}[/dim]" if section else ""))
            out.print(f"  {snippet}  [dim]@{h.start}-{h.end}[/dim]")
        else:
            typer.echo(head + (f"  | {section}" if section else ""))
            typer.echo(f"  {h.snippet}  @{h.start}-{h.end}")


def export(
    outdir: Path = typer.Argument(..., help="Folder for one file per table."),
    db: Path = typer.Option(Path("plans.db"), "--db", help="Database written by `batch`."),
    format: ExportFormat = typer.Option(
        ExportFormat.parquet, "--format", "-f",
        help="parquet (needs pyarrow: pip install 'plan-nlp\\[dask]'), csv (UTF-8 with BOM, opens in Excel), "
             "xlsx (one workbook per table) or jsonl."),
) -> None:
    """Export every table of the database, one file per table (errors carry the file path)."""
    from nlp.export import export as export_tables
    from nlp.store import MissingExtra

    err = Console(stderr=True)
    conn = _open_existing(db, err)
    try:
        written = export_tables(conn, outdir, format.value)
    except MissingExtra as exc:
        _fail(err, str(exc))
        return
    finally:
        conn.close()
    for table, path in written.items():
        typer.echo(f"{table}\t{path}")


app.command()(batch)
app.command()(search)
app.command()(export)

if __name__ == "__main__":
    app()
