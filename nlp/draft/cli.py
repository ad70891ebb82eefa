"""Command `draft` (registered on the main app in nlp/cli.py)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer


class DraftFormat(str, Enum):
    md = "md"
    docx = "docx"
    json = "json"


def _fail(message: str, code: int = 1) -> None:
    sys.stderr.write(f"plan-nlp: {' '.join(message.split())}\n")  # one unwrapped line
    raise typer.Exit(code)


def draft(
    keywords: str = typer.Option(..., "--keywords", "-k", help="Comma-separated keywords, e.g. 女职工,健康,师德."),
    org: Optional[str] = typer.Option(None, "--org", help="Organisation name, e.g. XX小学工会."),
    year: Optional[int] = typer.Option(None, "--year", help="Year of the plan (default: the year after the archive's latest)."),
    org_type: Optional[str] = typer.Option(None, "--org-type", help="school | enterprise | federation | government | …"),
    template: Optional[str] = typer.Option(None, "--template", help="Built-in template name or PATH.j2 (default: standard)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Archive folder (or file) to analyze now."),
    db: Optional[Path] = typer.Option(None, "--db", help="Archive database written by `batch`."),
    format: DraftFormat = typer.Option(DraftFormat.md, "--format", "-f", help="md, docx or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (required for docx)."),
    themes: bool = typer.Option(False, "--themes", help="Widen the keywords through themes fitted on the archive."),
    generator: Optional[str] = typer.Option(None, "--generator", help="transformers: a local model writes connecting sentences."),
    model: Optional[Path] = typer.Option(None, "--model", help="Local model folder (safetensors) for --generator."),
) -> None:
    """Draft next year's plan from keywords, grounded in an analyzed archive; every sentence keeps its source."""
    from nlp.draft.build import draft as make_draft
    from nlp.errors import PlanNLPError

    from nlp.settings import cli_settings

    template = cli_settings({"draft": {"template": template}}).draft.template
    if (corpus is None) == (db is None):
        _fail("draft needs exactly one of --corpus DIR or --db FILE", 2)
    if format == DraftFormat.docx and output is None:
        _fail("--format docx needs --output FILE.docx", 2)
    try:
        d = make_draft(keywords, corpus=corpus, db=db, org=org, year=year, org_type=org_type,
                       template=template, themes=True if themes else None, generator=generator, model=model)
    except PlanNLPError as exc:
        _fail(str(exc))
    if format == DraftFormat.docx:
        d.to_docx(output)
        sys.stderr.write(f"wrote {output}\n")
        return
    text = d.to_markdown() if format == DraftFormat.md else json.dumps(d.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        sys.stderr.write(f"wrote {output}\n")


if __name__ == "__main__":
    app = typer.Typer(add_completion=False)
    app.command()(draft)
    app()
