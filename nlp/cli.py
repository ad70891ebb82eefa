"""Command line: `python -m nlp …` / `plan-nlp …`. The only place that prints."""

from __future__ import annotations

import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.table import Table

from .errors import PlanNLPError

if TYPE_CHECKING:
    from .model import Article

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Structured data from Chinese work plans.")


def package_version() -> str:
    """The installed plan-nlp version (from the package metadata that pyproject.toml sets)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("plan-nlp")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"plan-nlp {package_version()}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
    config: Optional[Path] = typer.Option(
        None, "--config", help="Settings file (TOML); default $PLAN_NLP_CONFIG, else ./plan-nlp.toml if present."),
) -> None:
    """Structured data from Chinese work plans."""
    if config is not None:
        import os

        from .settings import CONFIG_ENV

        # Through the environment, so every command and every batch worker reads the same file.
        os.environ[CONFIG_ENV] = str(config)


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    outline = "outline"
    calendar = "calendar"
    targets = "targets"


def analyze_or_report(paths: list[Path], simplify: bool = True, label: str = "analyze") -> tuple[list[Article], int]:
    """Run `api.analyze_paths` with progress on stderr; name every failed and skipped file there.

    Returns the articles and the number of files that failed (skipped files are not failures).
    """
    from .api import analyze_paths  # the extractors load on use, not for `search`
    from .progress import FileProgress

    with FileProgress(label) as bar:
        result = analyze_paths(paths, simplify=simplify, progress=bar.update)
    for problem in result.skipped + result.failed:
        _error_line(problem.line())
    return result.articles, len(result.failed)


def _error_line(message: str) -> None:
    # Plain write: one bad file is exactly one line, never wrapped to the terminal width.
    sys.stderr.write(f"plan-nlp: {' '.join(message.split())}\n")


def _summary_table(articles: list[Article]) -> Table:
    table = Table(title=f"{len(articles)} articles", pad_edge=False)
    for col in ("source", "#", "title", "genre", "org", "year", "head", "date", "tgt", "task", "flag"):
        table.add_column(col, no_wrap=True, overflow="ellipsis", max_width=24 if col == "title" else None)
    for a in articles:
        table.add_row(
            Path(a.source).stem[:8], str(a.index), a.title, a.genre or "-", a.org_type or "-",
            str(a.year or "-"), str(len(a.headings)), str(len(a.dates)), str(len(a.targets)),
            str(len(a.tasks)), str(len(a.flags)),
        )
    return table


def _plain(table: Table) -> str:
    """A rich table rendered as plain text, wide enough for every column."""
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    return console.export_text()


def _render_text(articles: list[Article], fmt: Format) -> str:
    from . import render as views

    render = {Format.outline: views.render_outline, Format.calendar: views.render_calendar,
              Format.targets: views.render_targets}[fmt]
    blocks = [f"== {Path(a.source).name} #{a.index} {a.title}\n{render(a)}".rstrip() for a in articles]
    return "\n\n".join(blocks) + "\n"


@app.command()
def analyze(
    paths: list[Path] = typer.Argument(..., help="Files or folders (walked recursively)."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here; print a summary table."),
    no_simplify: bool = typer.Option(False, "--no-simplify", help="Match traditional text as printed (no simplified view); output is always as printed."),
) -> None:
    """Analyze plans: one JSON object per article (or a table / outline / calendar / targets view)."""
    # Piped output has no terminal width; rich would squeeze the table into 80 columns.
    out = Console(width=None if sys.stdout.isatty() else 120)
    articles, failed = analyze_or_report(paths, not no_simplify)
    if format == Format.jsonl:
        text = "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles)
    elif format == Format.json:
        text = json.dumps([a.to_dict() for a in articles], ensure_ascii=False, indent=1) + "\n"
    elif format == Format.table:
        text = None
    else:
        text = _render_text(articles, format)
    if output is not None:
        if text is None:  # the table itself, as plain text (no colours, no width limit)
            text = _plain(_summary_table(articles))
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        out.print(_summary_table(articles))
        out.print(f"wrote {output} ({len(articles)} articles)")
    elif text is None:
        out.print(_summary_table(articles))
    else:
        sys.stdout.write(text)
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: list[Path] = typer.Option(..., "--gold", "--gold-dir", help="Gold folder(s) or files of *.json."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Predictions (analyze JSON Lines; - for stdin)."),
    paths: Optional[list[Path]] = typer.Argument(None, help="Or: files/folders to analyze now."),
    only: Optional[str] = typer.Option(None, "--only", help="Score only sources matching this glob."),
    slack: int = typer.Option(100, "--slack", help="Extra characters searched for an article's first chars."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every missed and spurious item."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score predictions (or a fresh analysis of PATHS) against gold annotations."""
    from .evaluate import evaluate as score_file, evaluate_records, format_report

    err = Console(stderr=True)
    try:
        if pred is not None:
            result = score_file(list(gold), pred, slack=slack, only=only)
        elif paths:
            articles, _ = analyze_or_report(paths, True, label="evaluate")
            result = evaluate_records(list(gold), [a.to_dict() for a in articles], slack=slack, only=only)
        else:
            err.print("plan-nlp: evaluate needs --pred FILE or PATHS to analyze")
            raise typer.Exit(2)
    except PlanNLPError as exc:
        err.print(f"plan-nlp: {exc}", markup=False, highlight=False)
        raise typer.Exit(2)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(format_report(result, verbose=verbose) + "\n")


def _register_subcommands() -> None:
    # Each capability keeps its own command module; the main app only gathers them.
    from .batch.cli import batch, export, search
    from .digest.cli import summarize
    from .draft.cli import draft
    from .themes.cli import themes

    app.command("summarize")(summarize)
    app.command("themes")(themes)
    app.command("draft")(draft)
    app.command("batch")(batch)
    app.command("search")(search)
    app.command("export")(export)


_register_subcommands()


def main() -> None:
    """Console script `plan-nlp`."""
    app()
