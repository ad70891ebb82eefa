"""Progress of a long run over files, on stderr only (stdout carries the results).

On a terminal: a `rich` bar that disappears when done. Otherwise (a log file, a pipe): a plain
line at most every few seconds, so short runs print nothing and long ones show they are alive.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TextIO

PLAIN_EVERY_SECONDS = 5.0


class FileProgress:
    """A context manager whose `update(done, total, path)` reports progress over files (or other
    `unit`s: the benchmarks count their measurements)."""

    def __init__(self, label: str, stream: TextIO | None = None, every: float = PLAIN_EVERY_SECONDS,
                 unit: str = "files"):
        self.label = label
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.every = every
        self._bar = None
        self._task = None
        self._last = time.monotonic()

    def __enter__(self) -> "FileProgress":
        if self.stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 TextColumn("{task.description}"), console=Console(file=self.stream),
                                 transient=True)
            self._bar.start()
        return self

    def update(self, done: int, total: int, path: Path | str | None = None) -> None:
        """`done` of `total` files finished, the last one `path`."""
        if self._bar is not None:
            if self._task is None:
                self._task = self._bar.add_task("", total=total)
            self._bar.update(self._task, completed=done, description=str(path or "")[-40:])
            return
        now = time.monotonic()
        if now - self._last >= self.every and done < total:
            self._last = now
            self.stream.write(f"{self.label}: {done}/{total} {self.unit} ({path})\n")
            self.stream.flush()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
