"""`themes PATH... | --db FILE [--k auto|N] [--taxonomy FILE|none] [--embedder tfidf|transformers
--model DIR] [--format table|json|markdown]`: the themes of an archive."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import PlanNLPError


class ThemesFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class EmbedderName(str, Enum):
    tfidf = "tfidf"
    transformers = "transformers"


def _fail(message: str) -> None:
    sys.stderr.write(f"themes: {' '.join(message.split())}\n")
    raise typer.Exit(1)


def _parse_k(value: str) -> int | str:
    if value == "auto":
        return "auto"
    if value.isdigit() and int(value) >= 1:
        return int(value)
    _fail(f"--k must be 'auto' or a positive number, not {value!r}")
    return "auto"


def _table(model) -> None:
    from rich.console import Console
    from rich.table import Table

    from .report import table_rows

    out = Console(width=None if sys.stdout.isatty() else 160)
    table = Table(title=f"{len(model.themes_)} themes over {len(model.units_)} sections "
                        f"(k {model.k_selection_.method}: {model.k_selection_.chosen})", pad_edge=False)
    columns = ("id", "theme", "kind", "size", "share", "terms", "org_type", "example")
    for col in columns:
        table.add_column(col, overflow="fold", max_width={"theme": 30, "terms": 40, "example": 28}.get(col))
    for row in table_rows(model):
        table.add_row(*(row[c] for c in columns))
    out.print(table)
    if model.duplicates_:
        titles = {(u.source, u.article): u.title for u in model.units_}
        for group in model.duplicates_:
            out.print("duplicates: " + " = ".join(f"{Path(s).name}#{a} {titles.get((s, a), '')}" for s, a in group))


def themes(
    paths: Optional[list[Path]] = typer.Argument(None, help="Files or folders (walked recursively)."),
    db: Optional[Path] = typer.Option(None, "--db", help="Read the articles from this database and store the themes in it."),
    k: Optional[str] = typer.Option(None, "--k", show_default=False, help="Number of themes: auto or N (default auto)."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", show_default=False,
                                           help="Taxonomy TOML file, 'default' or 'none' (default: default)."),
    embedder: Optional[EmbedderName] = typer.Option(None, "--embedder", show_default=False,
                                                    help="tfidf or transformers (default tfidf)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Local Hugging Face model directory (transformers)."),
    format: ThemesFormat = typer.Option(ThemesFormat.table, "--format", "-f", help="table, json or markdown."),
    random_state: Optional[int] = typer.Option(None, "--random-state", show_default=False,
                                               help="Seed of every random choice (default 0)."),
) -> None:
    """Themes of an archive: level-1 sections clustered, named after union work areas, weighed and traced."""
    from ..settings import cli_settings

    s = cli_settings({"themes": {"n_themes": k, "taxonomy": taxonomy, "random_state": random_state,
                                 "embedder": embedder.value if embedder else None,
                                 "model": str(model) if model else None}}).themes
    k, taxonomy, random_state = str(s.n_themes), s.taxonomy, s.random_state
    embedder, model = EmbedderName(s.embedder), Path(s.model) if s.model else None
    if bool(paths) == bool(db):
        _fail("give either PATH... or --db FILE")
    if embedder == EmbedderName.transformers and model is None:
        _fail("--embedder transformers needs --model DIR (a local Hugging Face model directory)")
    n_themes = _parse_k(k)
    tax: str | Path | None = None if taxonomy.lower() == "none" else taxonomy
    if tax not in (None, "default") and not Path(tax).is_file():
        _fail(f"{tax}: taxonomy file not found")
    failed = False
    article_ids: dict[tuple[str, int], int] = {}
    try:
        if db is not None:
            from .store import load_articles

            articles, ids = load_articles(db)
            article_ids = {(a.source, a.index): i for a, i in zip(articles, ids)}
        else:
            from ..api import analyze_paths

            analysis = analyze_paths(list(paths or []))
            articles = analysis.articles
            for problem in (*analysis.failed, *analysis.skipped):
                sys.stderr.write(f"themes: {problem.line()}\n")
            failed = bool(analysis.failed)
        from .model import ThemeModel
        from .units import theme_units

        units = theme_units(articles)
        if not units:
            _fail("no sections found in the input")
        fitted = ThemeModel(n_themes=n_themes, embedder=embedder.value, taxonomy=tax, model=model,
                            random_state=random_state).fit(units)
        if db is not None:
            from .store import write_themes

            written = write_themes(db, fitted, article_ids)
            sys.stderr.write(f"themes: stored {written} themes in {db}\n")
    except PlanNLPError as exc:
        _fail(f"{exc.path + ': ' if exc.path else ''}{exc.detail}")
    if format == ThemesFormat.json:
        sys.stdout.write(json.dumps(fitted.to_dict(), ensure_ascii=False, indent=1) + "\n")
    elif format == ThemesFormat.markdown:
        from .report import render_markdown

        sys.stdout.write(render_markdown(fitted))
    else:
        _table(fitted)
    if failed:
        raise typer.Exit(1)
