"""Work functions for the local engine's tests: module-level, so spawned workers import them.

The crash is real (SIGKILL of the worker process itself), not a simulated exception: it is what
a segfault in a native parser or the OOM killer does to a worker.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from nlp.batch.work import analyze_file

# Set in the environment of the batch process to make every worker fail while it starts up.
BREAK_START_UP = "PLAN_NLP_TEST_BREAK_WORKER_START_UP"

if os.environ.get(BREAK_START_UP):
    raise ImportError(f"{BREAK_START_UP} is set: this worker cannot start")


def die_on_marked_files(path: str, rel: str, sha256: str | None = None, size: int | None = None):
    """Analyze the file, unless its name holds "CRASH": then kill this worker process."""
    if "CRASH" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)
    return analyze_file(path, rel, sha256, size)


def die_once_per_marked_file(path: str, rel: str, sha256: str | None = None, size: int | None = None):
    """Kill this worker the first time a file whose name holds "FLAKY" is given to any worker
    (a `<file>.died` note beside it remembers); analyze it the second time."""
    note = Path(path + ".died")
    if "FLAKY" in Path(path).name and not note.exists():
        note.write_text(str(os.getpid()), encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
    return analyze_file(path, rel, sha256, size)


def hang_on_marked_files(path: str, rel: str, sha256: str | None = None, size: int | None = None):
    """Analyze the file, after a minute's stall if its name holds "HANG" (a pathological input;
    bounded, so a broken time limit fails its test instead of hanging the suite)."""
    if "HANG" in Path(path).name:
        time.sleep(60)
    return analyze_file(path, rel, sha256, size)
