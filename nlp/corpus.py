"""A corpus of analyzed articles, from files or from a batch database, with pandas views.

`Corpus.articles` is the list of annotated `Article`s every corpus-level tool takes (themes,
drafts, digests); the `*_frame()` methods lay the same spans out as pandas tables, one row per
span with its article's source, index and title, for an analyst's filters and pivots. pandas is
an optional extra (`pip install 'plan-nlp[notebook]'`) and is imported only by those methods.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PlanNLPError
from .model import Article
from .store.read import open_existing, read_articles

if TYPE_CHECKING:
    import pandas as pd

    from .store import Hit

_EXTRA_HINT = "pip install 'plan-nlp[notebook]'"


def _pandas():
    """The pandas module, or an error saying which extra installs it."""
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - the dev install always has it
        raise ImportError(f"Corpus frames need pandas: {_EXTRA_HINT}") from exc
    return pandas


class Corpus:
    """Analyzed articles of an archive; `db` is the batch database they came from, if any."""

    def __init__(self, articles: Iterable[Article], db: str | Path | None = None,
                 failures: Iterable[PlanNLPError] = ()):
        self.articles: list[Article] = list(articles)
        self.db = Path(db) if db is not None else None
        self.failures: list[PlanNLPError] = list(failures)  # files from_paths could not analyze

    # ------------------------------------------------------------ construction

    @classmethod
    def from_paths(cls, paths: str | Path | Iterable[str | Path], on_error: str = "raise") -> "Corpus":
        """Analyze files and folders (folders recursively, supported formats only).

        A file that cannot be analyzed raises its PlanNLPError (naming the file and the reason),
        or with `on_error="collect"` is kept in `failures` while the other files are analyzed."""
        from .api import analyze_path, iter_files

        if on_error not in ("raise", "collect"):
            raise ValueError(f"on_error must be 'raise' or 'collect', not {on_error!r}")
        if isinstance(paths, (str, Path)):
            paths = [paths]
        paths = list(paths)
        for p in map(Path, paths):
            if not p.exists():
                raise PlanNLPError(p, "no such file or folder")
        articles: list[Article] = []
        failures: list[PlanNLPError] = []
        for f in iter_files(paths):
            try:
                articles += analyze_path(f)
            except PlanNLPError as exc:
                if on_error == "raise":
                    raise
                failures.append(exc)
        return cls(articles, failures=failures)

    @classmethod
    def from_db(cls, db: str | Path) -> "Corpus":
        """The articles a batch run stored (documents that failed are left out; see `errors`)."""
        path = Path(db)
        if not path.is_file():
            raise PlanNLPError(path, "no such database (build one with `python -m nlp batch`)")
        with open_existing(path) as conn:
            return cls([a for _, a in read_articles(conn)], db=path)

    # ------------------------------------------------------------ plain access

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __repr__(self) -> str:
        where = f", db={str(self.db)!r}" if self.db else ""
        return f"Corpus({len(self.articles)} articles{where})"

    def article(self, source: str, index: int = 0) -> Article:
        """The article `index` of the file whose source path is or ends with `source`."""
        for a in self.articles:
            if a.index == index and (a.source == source or Path(a.source).name == Path(source).name):
                return a
        raise KeyError(f"no article {index} in {source!r}")

    def search(self, query: str, limit: int = 10, width: int = 80) -> list["Hit"]:
        """Passages of the database matching every word of `query`, best first (`store.search`)."""
        if self.db is None:
            raise PlanNLPError(None, "search needs a batch database: open the corpus with Corpus.from_db(path)")
        from .store import search

        with open_existing(self.db) as conn:
            return search(conn, query, limit=limit, width=width)

    def errors(self) -> "pd.DataFrame":
        """Files that could not be analyzed (recorded in the database, or `failures`): path, reason, detail."""
        pd = _pandas()
        if self.db is None:
            return pd.DataFrame([(e.path, e.reason, e.detail) for e in self.failures],
                                columns=["path", "reason", "detail"])
        with open_existing(self.db) as conn:
            rows = conn.execute("SELECT d.path, e.reason, e.detail FROM errors e"
                                " JOIN documents d ON d.id = e.document_id ORDER BY d.path").fetchall()
        return pd.DataFrame(rows, columns=["path", "reason", "detail"])

    # ------------------------------------------------------------ frames

    def articles_frame(self) -> "pd.DataFrame":
        """One row per article: source, article, title, genre, org_type, year and span counts."""
        rows = [{**_key(a), "genre": a.genre, "org_type": a.org_type, "year": a.year, "chars": len(a.text),
                 "headings": len(a.headings), "dates": len(a.dates), "targets": len(a.targets),
                 "tasks": len(a.tasks), "schedule": len(a.schedule), "flags": len(a.flags)}
                for a in self.articles]
        return _frame(rows, ["source", "article", "title", "genre", "org_type", "year", "chars", "headings",
                             "dates", "targets", "tasks", "schedule", "flags"], ints=["year"])

    def headings_frame(self) -> "pd.DataFrame":
        """One row per outline heading: level, marker, text and its offsets."""
        rows = [{**_key(a), "level": h.level, "marker": h.marker, "text": h.text, "start": h.start,
                 "end": h.end, "run_in": h.run_in} for a in self.articles for h in a.headings]
        return _frame(rows, ["source", "article", "title", "level", "marker", "text", "start", "end", "run_in"])

    def dates_frame(self) -> "pd.DataFrame":
        """One row per time expression: kind, year, first and last month, day, recurrence."""
        rows = [{**_key(a), "text": d.text, "start": d.start, "end": d.end, "kind": d.kind, "year": d.year,
                 "month_first": d.months[0] if d.months else None,
                 "month_last": d.months[1] if d.months else None,
                 "day": d.day, "every": d.every, "placeholder": d.placeholder}
                for a in self.articles for d in a.dates]
        return _frame(rows, ["source", "article", "title", "text", "start", "end", "kind", "year", "month_first",
                             "month_last", "day", "every", "placeholder"],
                      ints=["year", "month_first", "month_last", "day"])

    def targets_frame(self) -> "pd.DataFrame":
        """One row per numeric target: value (or low/high), unit, comparator, status (goal,
        achieved, fact) and subject, with the article's genre, org_type and year to filter by."""
        rows = [{**_key(a), "genre": a.genre, "org_type": a.org_type, "article_year": a.year,
                 "text": t.text, "start": t.start, "end": t.end, "value": t.value, "low": t.low, "high": t.high,
                 "unit": t.unit, "comparator": t.comparator, "status": t.status, "subject": t.subject}
                for a in self.articles for t in a.targets]
        return _frame(rows, ["source", "article", "title", "genre", "org_type", "article_year", "status",
                             "subject", "value", "low", "high", "unit", "comparator", "text", "start", "end"],
                      ints=["article_year"])

    def tasks_frame(self) -> "pd.DataFrame":
        """One row per task: its verb head, section path (' > ' joined) and how many dates and
        targets belong to it."""
        rows = [{**_key(a), "action": t.action, "section": " > ".join(t.section), "text": t.text,
                 "start": t.start, "end": t.end, "dates": len(t.dates), "targets": len(t.targets)}
                for a in self.articles for t in a.tasks]
        return _frame(rows, ["source", "article", "title", "action", "section", "text", "start", "end",
                             "dates", "targets"])

    def calendar_frame(self) -> "pd.DataFrame":
        """One row per calendar entry and month it falls in; a recurring entry without months
        has one row with `month` empty and `every` set (1W, 2W, 1M, 1Q …)."""
        rows = []
        for a in self.articles:
            for s in a.schedule:
                for month in s.months or (None,):
                    rows.append({**_key(a), "org_type": a.org_type, "month": month, "every": s.every,
                                 "activity": s.activity, "section": " > ".join(s.section),
                                 "start": s.start, "end": s.end})
        return _frame(rows, ["source", "article", "title", "org_type", "month", "every", "activity", "section",
                             "start", "end"], ints=["month"])


# ---------------------------------------------------------------- frames


def _key(a: Article) -> dict[str, Any]:
    return {"source": a.source, "article": a.index, "title": a.title}


def _frame(rows: list[dict[str, Any]], columns: list[str], ints: Iterable[str] = ()) -> "pd.DataFrame":
    """A frame with these columns even when empty; `ints` become nullable integers (not floats)."""
    pd = _pandas()
    frame = pd.DataFrame(rows, columns=columns)
    for col in ints:
        frame[col] = frame[col].astype("Int64")
    return frame
