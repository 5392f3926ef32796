"""CONTRIBUTING in three languages: the same commands and examples, all of which work, and a
worked example that matches the record it describes."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from build_scripts.core.paths import DATA, ROOT

GUIDES = {"en": "CONTRIBUTING.md", "zh": "CONTRIBUTING.zh.md", "ru": "CONTRIBUTING.ru.md"}
EXAMPLE = "statements/joint-statement-2019-06-05.yml"


def guide(lang: str) -> str:
    return (ROOT / GUIDES[lang]).read_text(encoding="utf-8")


def code_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of each fenced block; comments in shell blocks are prose."""
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.S | re.M)
    return [
        (kind, re.sub(r"\s+#.*$", "", body, flags=re.M) if kind == "sh" else body)
        for kind, body in blocks
    ]


def makefile_targets() -> set[str]:
    return set(
        re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M)
    )


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_translations_keep_every_example_and_command(lang):
    assert code_blocks(guide(lang)) == code_blocks(guide("en"))
    commands = set(re.findall(r"`(make [a-z-]+)", guide("en")))
    assert commands <= set(re.findall(r"`(make [a-z-]+)", guide(lang)))


@pytest.mark.parametrize("lang", list(GUIDES))
def test_every_make_command_named_exists(lang):
    named = set(re.findall(r"(?:`|^)make ([a-z][a-z-]*)", guide(lang), flags=re.M))
    assert named and named <= makefile_targets(), named - makefile_targets()


@pytest.mark.parametrize("lang", list(GUIDES))
def test_links_between_the_guides_and_in_page_anchors_work(lang):
    text = guide(lang)
    for other in GUIDES.values():
        assert other == GUIDES[lang] or f"]({other})" in text
    headings = {
        re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
        for h in re.findall(r"^#+ (.*)$", text, flags=re.M)
    }
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in headings, anchor


def test_worked_example_matches_the_record_it_describes():
    blocks = [body for kind, body in code_blocks(guide("en")) if kind == "yaml"]
    fields = next(yaml.safe_load(b) for b in blocks if b.startswith("date:"))
    sources = next(yaml.safe_load(b) for b in blocks if b.startswith("sources:"))
    record = yaml.safe_load((DATA / EXAMPLE).read_text(encoding="utf-8"))
    for name, value in fields.items():
        if name in ("summary",):  # shortened with … in the guide
            assert all(record[name][k].startswith(v.rstrip("…. ")) for k, v in value.items()), name
            continue
        if name in ("parties", "title"):
            value = [value] if isinstance(value, dict) else value
            real = [record[name]] if isinstance(record[name], dict) else record[name]
            real = [{k: v for k, v in item.items() if k != "source_hash"} for item in real]
        else:
            real = record[name]
        assert value == real, name
    assert sources["sources"][0] in record["sources"]


def test_worked_example_error_messages_are_the_validators_own(tmp_path):
    """The two messages the guide shows are what the validator prints for those mistakes."""
    from build_scripts.data.validate import validate

    shown = re.findall(r"^data/statements/.*$", guide("en"), flags=re.M)
    assert len(shown) == 2
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for (old, new), expected in [
        (('date: "2019-06-05"', 'date: "2019/06/05"'), shown[0]),
        (("stage: all-round-development", "stage: all-round-developmen"), shown[1]),
    ]:
        (data / EXAMPLE).write_text(
            (DATA / EXAMPLE).read_text(encoding="utf-8").replace(old, new), encoding="utf-8"
        )
        assert [str(p) for p in validate(data)[1]] == [expected]
