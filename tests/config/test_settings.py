"""Settings: defaults, one TOML file, command-line overrides, and clear errors for mistakes."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from nlp.settings import BadSettings, Settings, config_path, load_settings


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLAN_NLP_CONFIG", raising=False)
    assert config_path() is None
    assert load_settings() == Settings()


@pytest.mark.parametrize("toml, section, key, expected", [
    ("[digest]\ntop = 8\n", "digest", "top", 8),
    ("[batch]\ntimeout = 120\n", "batch", "timeout", 120.0),
    ("[batch]\ntimeout = 90.5\n", "batch", "timeout", 90.5),
    ("[themes]\nn_themes = 12\n", "themes", "n_themes", 12),
    ("[themes]\ntaxonomy = \"none\"\nmodel = \"/models/bert\"\n", "themes", "model", "/models/bert"),
])
def test_a_file_overrides_the_defaults(tmp_path, toml, section, key, expected):
    path = tmp_path / "plan-nlp.toml"
    path.write_text(toml, encoding="utf-8")
    assert getattr(getattr(load_settings(path), section), key) == expected


def test_the_working_folder_file_and_the_environment_are_found(tmp_path, monkeypatch):
    (tmp_path / "plan-nlp.toml").write_text("[digest]\nsentences = 5\n", encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text("[digest]\nsentences = 2\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLAN_NLP_CONFIG", raising=False)
    assert load_settings().digest.sentences == 5
    monkeypatch.setenv("PLAN_NLP_CONFIG", str(other))
    assert load_settings().digest.sentences == 2


def test_the_command_line_wins_and_unset_options_do_not_count(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text("[batch]\ntimeout = 60\nworkers = 1\n", encoding="utf-8")
    s = load_settings(path, overrides={"batch": {"timeout": 30, "workers": None}})
    assert (s.batch.timeout, s.batch.workers) == (30.0, 1)


@pytest.mark.parametrize("toml, message", [
    ("[digets]\ntop = 3\n", "unknown section [digets]"),
    ("[digest]\ntopp = 3\n", "unknown setting digest.topp"),
    ("[digest]\ntop = \"many\"\n", "digest.top must be int"),
    ("[batch]\ntimeout = true\n", "batch.timeout must be float"),
    ("[digest\ntop = 3\n", "not valid TOML"),
])
def test_mistakes_name_the_file_and_the_setting(tmp_path, toml, message):
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(BadSettings, match=re.escape(message)) as info:
        load_settings(path)
    assert str(path) in str(info.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(BadSettings, match="settings file not found"):
        load_settings(tmp_path / "nope.toml")


# ------------------------------------------------------------------ through the command line

PLAN = ("某厂工会2025年工作计划\n一、组织建设\n1、发展会员\n力争全年新发展会员30名。\n2、规范管理\n"
        "健全各项制度。\n二、文体活动\n九月份：举办教师节表彰大会。\n十月份：组织职工登山比赛。\n")


def _summarize(tmp_path, *before, after=()):
    """`python -m nlp [before] summarize plan.txt --format json [after]` in tmp_path."""
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "nlp", *before, "summarize", str(plan), "--format", "json", *after],
                          capture_output=True, text=True, cwd=tmp_path)


def _summary_sentences(run) -> int:
    (article,) = json.loads(run.stdout)["articles"]
    return len(article["summary"])


def test_a_settings_file_changes_what_summarize_does_and_an_option_wins(tmp_path):
    one = tmp_path / "one.toml"
    one.write_text("[digest]\nsentences = 1\n", encoding="utf-8")
    assert _summary_sentences(_summarize(tmp_path)) > 1
    assert _summary_sentences(_summarize(tmp_path, "--config", str(one))) == 1
    assert _summary_sentences(_summarize(tmp_path, "--config", str(one), after=("--sentences", "3"))) > 1


def test_a_bad_settings_file_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[digest]\nsentence = 1\n", encoding="utf-8")
    run = _summarize(tmp_path, "--config", str(bad))
    assert run.returncode == 2
    assert "unknown setting digest.sentence" in run.stderr and "bad.toml" in run.stderr
    assert "Traceback" not in run.stderr


def test_the_shipped_example_file_spells_out_the_defaults():
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "docs" / "plan-nlp.example.toml"
    assert load_settings(example) == Settings()
