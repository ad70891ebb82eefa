"""`summarize PATH... [-o OUT] [--format md|html|json] [--top N] [--themes]`: the digest of an archive."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

if TYPE_CHECKING:  # the extractors load when a digest is made, not when the CLI starts
    from ..model import Article
    from ..settings import ThemeSettings
    from .build import Digest

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Digest of an archive of work plans.")


class DigestFormat(str, Enum):
    md = "md"
    html = "html"
    json = "json"


def analyze_all(paths: list[Path], progress: bool = False) -> tuple[list[Article], list[str], int]:
    """Annotated articles of every file (`api.analyze_paths`), one line per failed or skipped
    file, and how many failed. With `progress`, a bar (terminal) or occasional lines on stderr."""
    from ..api import analyze_paths
    from ..progress import FileProgress

    if progress:
        with FileProgress("summarize") as bar:
            result = analyze_paths(paths, progress=bar.update)
    else:
        result = analyze_paths(paths)
    return result.articles, [p.line() for p in result.skipped + result.failed], len(result.failed)


def _on_page(line: str) -> bool:
    """Whether a problem line belongs on the digest page: not a folder's own README."""
    from ..api import FOLDER_DOC_DETAIL

    return not line.endswith(FOLDER_DOC_DETAIL)


def render(digest: Digest, fmt: DigestFormat) -> str:
    """The digest in the format asked for."""
    if fmt == DigestFormat.json:
        from .render_json import render_json
        return render_json(digest)
    if fmt == DigestFormat.html:
        from .render_html import render_html
        return render_html(digest)
    from .render_md import render_markdown
    return render_markdown(digest)


def theme_params(s: ThemeSettings) -> dict[str, Any]:
    """ThemeModel parameters from the [themes] settings, read as the `themes` command reads them."""
    k = str(s.n_themes).strip().lower()
    if k != "auto" and not (k.isdigit() and int(k) > 0):
        sys.stderr.write(f"summarize: themes.n_themes must be auto or a positive number, not {s.n_themes!r}\n")
        raise typer.Exit(2)
    return {"n_themes": "auto" if k == "auto" else int(k), "embedder": s.embedder,
            "taxonomy": None if s.taxonomy.lower() == "none" else s.taxonomy,
            "model": Path(s.model) if s.model else None, "random_state": s.random_state}


@app.command()
def summarize(
    paths: list[Path] = typer.Argument(..., help="Files or folders (walked recursively)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the digest here (default stdout)."),
    format: DigestFormat = typer.Option(DigestFormat.md, "--format", "-f", help="md, html or json."),
    top: Optional[int] = typer.Option(None, "--top", min=1, show_default=False,
                                      help="Key tasks per article, targets and activities per view (default 5)."),
    sentences: Optional[int] = typer.Option(None, "--sentences", min=1, show_default=False,
                                            help="Summary sentences per article, whole sentences (default 4)."),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=20, show_default=False,
                                            help="Summary length per article in characters; a sentence is never cut (default 360)."),
    themes: Optional[bool] = typer.Option(None, "--themes/--no-themes", show_default=False,
                                          help="Add the archive section on themes (takes seconds; default off, "
                                               "or [digest] themes in plan-nlp.toml; parameters from [themes])."),
) -> None:
    """Digest of plans: summaries, outlines, calendars, targets; archive counts and duplicates."""
    from ..settings import cli_settings

    settings = cli_settings({"digest": {"top": top, "sentences": sentences, "max_chars": max_chars,
                                        "themes": themes}})
    s = settings.digest
    top, sentences, max_chars = s.top, s.sentences, s.max_chars
    params = theme_params(settings.themes) if s.themes else None
    articles, errors, failed = analyze_all(paths, progress=True)
    for line in errors:
        sys.stderr.write(f"summarize: {line}\n")
    from .build import build_digest

    digest = build_digest(articles, top=top, sentences=sentences, max_chars=max_chars,
                          errors=[line for line in errors if _on_page(line)], themes=params)
    text = render(digest, format)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        sys.stderr.write(f"summarize: wrote {output} ({len(digest.articles)} articles)\n")
    else:
        sys.stdout.write(text)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    """Console script `summarize`."""
    app()


if __name__ == "__main__":
    main()
