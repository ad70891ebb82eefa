"""Package attributes imported on first use (PEP 562).

`import nlp.store` or the batch writer need none of the extractors, whose import (regexes,
jieba, cn2an) takes most of a second; a package's public names load only when asked for.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for `package`, whose names live in the modules named by
    `exports` (name -> submodule)."""

    def __getattr__(name: str) -> Any:
        if name in exports:
            value = getattr(importlib.import_module(f"{package}.{exports[name]}"), name)
            # Bound on the package, as `from .x import name` would: importing a submodule that
            # shares the name (digest.render_html) must not leave the module in its place.
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
