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
    top: Optional[int] = typer.Option(None, "--top", min=1, show_default=False,
                                      help="Key tasks per article, targets and activities per view (default 5)."),
    sentences: Optional[int] = typer.Option(None, "--sentences", min=1, show_default=False,
                                            help="Summary sentences per article, whole sentences (default 4)."),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=20, show_default=False,
                                            help="Summary length per article in characters; a sentence is never cut (default 360)."),
) -> None:
    """Digest of plans: summaries, outlines, calendars, targets; archive counts and duplicates."""
    from ..settings import cli_settings

    s = cli_settings({"digest": {"top": top, "sentences": sentences, "max_chars": max_chars}}).digest
    top, sentences, max_chars = s.top, s.sentences, s.max_chars
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
