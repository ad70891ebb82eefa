"""Plan templates: Jinja2 files that render a skeleton spec (TOML), in a sandbox."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..errors import PlanNLPError

ROLES = ("guiding", "goals", "work", "schedule", "measures")
_PACKAGE = "nlp.draft.templates"
_SUFFIX = ".toml.j2"


class TemplateRefused(PlanNLPError):
    """A plan template cannot be used: missing, malformed, or reaching outside the sandbox."""

    reason = "template"


@dataclass(frozen=True)
class SpecPart:
    role: str
    heading: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Spec:
    """What a rendered template says: the title, the parts in order, and the fallback wordings."""

    name: str
    title: str
    parts: tuple[SpecPart, ...]
    theme_heading: str  # with {keyword}
    holiday_activity: str  # with {holiday}
    holiday_activities: dict[str, str]  # holiday key -> what the schedule says that month


def builtin_templates() -> list[str]:
    """Names of the templates shipped with plan-nlp."""
    return sorted(p.name[: -len(_SUFFIX)] for p in resources.files(_PACKAGE).iterdir() if p.name.endswith(_SUFFIX))


def _source(template: str | Path | None) -> tuple[str, str]:
    """(name to report, template text) of a built-in name or a file path."""
    name = str(template or "standard")
    if name in builtin_templates():
        return name, resources.files(_PACKAGE).joinpath(name + _SUFFIX).read_text(encoding="utf-8")
    path = Path(name)
    if path.suffix != ".j2" and not path.is_file():
        raise TemplateRefused(name, f"no such template; built-in: {', '.join(builtin_templates())}, or a PATH.j2")
    try:
        return str(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateRefused(path, f"cannot read template ({exc})") from exc


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    # a TOML basic string: JSON's escapes are TOML's
    env.filters["toml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def render_spec(template: str | Path | None, context: dict[str, Any]) -> Spec:
    """Render a template (built-in name or PATH.j2) in the sandbox and read its spec."""
    name, text = _source(template)
    try:
        rendered = _environment().from_string(text).render(**context)
    except SecurityError as exc:
        raise TemplateRefused(name, f"refused: the template reaches for Python internals ({exc})") from exc
    except TemplateSyntaxError as exc:
        raise TemplateRefused(name, f"line {exc.lineno}: {exc.message}") from exc
    except UndefinedError as exc:
        raise TemplateRefused(name, f"uses a name the draft does not provide ({exc.message})") from exc
    except TemplateError as exc:
        raise TemplateRefused(name, f"cannot be rendered ({exc})") from exc
    try:
        data = tomllib.loads(rendered)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateRefused(name, f"does not render a valid TOML spec ({exc})") from exc
    return _spec(name, data)


def _spec(name: str, data: dict[str, Any]) -> Spec:
    parts = []
    for i, p in enumerate(data.get("parts", [])):
        role = p.get("role")
        if role not in ROLES:
            raise TemplateRefused(name, f"part {i + 1}: role must be one of {', '.join(ROLES)}, not {role!r}")
        sentences = p.get("sentences", [])
        if not isinstance(sentences, list) or not all(isinstance(s, str) for s in sentences):
            raise TemplateRefused(name, f"part {i + 1}: sentences must be a list of strings")
        parts.append(SpecPart(role, str(p.get("heading", "")).strip(), tuple(s.strip() for s in sentences if s.strip())))
    if not any(p.role == "work" for p in parts):
        raise TemplateRefused(name, "has no part with role 'work' (where the keyword sections go)")
    if len({p.role for p in parts}) != len(parts):
        raise TemplateRefused(name, "names a part role twice")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise TemplateRefused(name, "has no title")
    activities = data.get("holiday_activities", {})
    if not isinstance(activities, dict) or not all(isinstance(v, str) for v in activities.values()):
        raise TemplateRefused(name, "holiday_activities must be a table of strings")
    return Spec(name, title.strip(), tuple(parts), str(data.get("theme_heading", "扎实做好{keyword}工作")),
                str(data.get("holiday_activity", "结合{holiday}开展主题活动")), dict(activities))
