"""The JSON Schema files editors' IDEs use are generated from the data model and committed."""

from __future__ import annotations

import json

import pytest

from build_scripts.core import paths
from build_scripts.data.datasets import DATASETS
from build_scripts.data.schemas import header_line, render_schema, write_schemas


def test_committed_schemas_match_the_model():
    assert write_schemas(check=True) == [], "run `make schemas` and commit schemas/"


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_every_record_file_names_its_schema_on_the_first_line(dataset):
    files = sorted((paths.DATA / dataset).glob("*.yml"))
    assert files, dataset
    for file in files:
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first == header_line(dataset), file


def test_schema_requires_english_offers_all_languages_and_forbids_unknown_fields():
    schema = json.loads(render_schema("stages"))
    localized = schema["$defs"]["Localized"]
    # A Chinese or Russian translation may be pending; `make status` lists it.
    assert localized["required"] == ["en"]
    assert {"en", "zh", "ru", "editorial", "official", "source_hash"} == set(
        localized["properties"]
    )
    assert localized["additionalProperties"] is False
    assert schema["additionalProperties"] is False
