"""`summarize PATH... [-o OUT] [--format md|html|json] [--top N]`: the digest of an archive."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

if TYPE_CHECKING:  # the extractors load when a digest is made, not when the CLI starts
    from ..model import Article
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


@app.command()
def summarize(
    paths: list[Path] = typer.Argument(..., help="Files or folders (walked recursively)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the digest here (default stdout)."),
    format: DigestFormat = typer.Option(DigestFormat.md, "--format", "-f", help="md, html or json."),
    top: int = typer.Option(5, "--top", min=1, help="Key tasks per article, targets and activities per view."),
    sentences: int = typer.Option(4, "--sentences", min=1, help="Summary sentences per article (whole sentences)."),
    max_chars: int = typer.Option(360, "--max-chars", min=20,
                                  help="Summary length per article, in characters (a sentence is never cut)."),
) -> None:
    """Digest of plans: summaries, outlines, calendars, targets; archive counts and duplicates."""
    articles, errors, failed = analyze_all(paths, progress=True)
    for line in errors:
        sys.stderr.write(f"summarize: {line}\n")
    from .build import build_digest

    digest = build_digest(articles, top=top, sentences=sentences, max_chars=max_chars,
                          errors=[line for line in errors if _on_page(line)])
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
