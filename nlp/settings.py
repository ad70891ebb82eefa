"""Tunable settings in one place: frozen dataclasses, overridable from one TOML file and the CLI.

Constants that GUIDELINES.md fixes (a heading is cut at 40 characters, …) stay beside their rules;
what is here is what a user may reasonably tune for an archive: digest sizes, batch limits,
theme and drafting parameters.

    [digest]
    top = 8
    [batch]
    timeout = 120

The file is `--config FILE`, else $PLAN_NLP_CONFIG, else `plan-nlp.toml` in the working folder,
else none (the defaults below). A command-line option given explicitly wins over the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_args, get_type_hints

from .errors import PlanNLPError

CONFIG_NAME = "plan-nlp.toml"
CONFIG_ENV = "PLAN_NLP_CONFIG"


@dataclass(frozen=True)
class DigestSettings:
    top: int = 5  # key tasks per article, targets and activities per archive view
    sentences: int = 4  # summary sentences per article (whole sentences)
    max_chars: int = 360  # summary length per article (a sentence is never cut)
    themes: bool = False  # archive section on themes (fitting takes seconds; parameters in [themes])


@dataclass(frozen=True)
class BatchSettings:
    workers: int = 0  # 0: one per core
    timeout: float = 600.0  # seconds before one file is failed (local engine)


@dataclass(frozen=True)
class ThemeSettings:
    n_themes: int | str = "auto"  # "auto" or a fixed number of themes
    taxonomy: str = "default"  # "default", "none" or a path to a taxonomy file
    embedder: str = "tfidf"  # "tfidf" or "transformers" (needs model)
    model: str | None = None  # local Hugging Face model directory for the transformers embedder
    random_state: int = 0


@dataclass(frozen=True)
class DraftSettings:
    template: str = "standard"  # a built-in template name or a path to a .j2 file


@dataclass(frozen=True)
class Settings:
    digest: DigestSettings = field(default_factory=DigestSettings)
    batch: BatchSettings = field(default_factory=BatchSettings)
    themes: ThemeSettings = field(default_factory=ThemeSettings)
    draft: DraftSettings = field(default_factory=DraftSettings)


class BadSettings(PlanNLPError):
    """A settings file that cannot be used as it is."""

    reason = "bad_settings"


def _allowed_types(cls: type, name: str) -> tuple[type, ...]:
    """The runtime types a setting's annotation admits (`int | str` → (int, str); float takes int too)."""
    hint = get_type_hints(cls)[name]
    allowed = tuple(t for t in (get_args(hint) or (hint,)) if t is not type(None))
    return allowed + (int,) if float in allowed else allowed


def _checked(cls: type, name: str, value: Any, where: str) -> Any:
    allowed = _allowed_types(cls, name)
    if isinstance(value, bool) and bool not in allowed or not isinstance(value, allowed):
        names = " or ".join(t.__name__ for t in allowed)
        raise ValueError(f"{where} must be {names}, not {value!r}")
    return float(value) if allowed[0] is float else value  # a TOML 120 for a float setting


def merge(settings: Settings, values: dict[str, dict[str, Any]], origin: str = "settings") -> Settings:
    """`settings` with the sections and keys of `values` replaced; unknown names are errors."""
    sections = {f.name: f for f in fields(Settings)}
    updated = {}
    for section, table in values.items():
        if section not in sections:
            raise BadSettings(origin, f"unknown section [{section}] (known: {', '.join(sections)})")
        current = getattr(settings, section)
        known = {f.name for f in fields(current)}
        if not isinstance(table, dict):
            raise BadSettings(origin, f"[{section}] must be a table of settings")
        unknown = sorted(set(table) - known)
        if unknown:
            raise BadSettings(origin, f"unknown setting {section}.{unknown[0]} (known: {', '.join(sorted(known))})")
        try:
            checked = {k: _checked(type(current), k, v, f"{section}.{k}") for k, v in table.items()}
        except ValueError as exc:
            raise BadSettings(origin, str(exc)) from None
        updated[section] = replace(current, **checked)
    return replace(settings, **updated)


def config_path(explicit: str | Path | None = None) -> Path | None:
    """The settings file in force: explicit, else $PLAN_NLP_CONFIG, else ./plan-nlp.toml if present."""
    if explicit:
        return Path(explicit)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    local = Path.cwd() / CONFIG_NAME
    return local if local.is_file() else None


def cli_settings(overrides: dict[str, dict[str, Any]] | None = None) -> Settings:
    """Settings for a command: a bad settings file is one line on stderr and exit status 2."""
    import sys

    try:
        return load_settings(overrides=overrides)
    except BadSettings as exc:
        sys.stderr.write(f"plan-nlp: {exc}\n")
        raise SystemExit(2) from None


def load_settings(path: str | Path | None = None, overrides: dict[str, dict[str, Any]] | None = None) -> Settings:
    """Defaults, then the settings file (if any), then `overrides` ({section: {key: value}}; None values skipped)."""
    settings = Settings()
    source = config_path(path)
    if source is not None:
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BadSettings(str(source), "settings file not found") from None
        except tomllib.TOMLDecodeError as exc:
            raise BadSettings(str(source), f"not valid TOML ({exc})") from None
        settings = merge(settings, data, str(source))
    if overrides:
        given = {s: {k: v for k, v in t.items() if v is not None} for s, t in overrides.items()}
        settings = merge(settings, {s: t for s, t in given.items() if t}, "command line")
    return settings
