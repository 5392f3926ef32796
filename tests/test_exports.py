"""The downloads under /data/ hold every record, exactly as the pages do, and parse with the
tools scholars use: json, csv, bibtexparser, rispy, and the CSL-JSON data model."""

from __future__ import annotations

import csv
import io
import json
import re

import bibtexparser
import jsonschema
import pytest
import rispy
import yaml

from build_scripts.biblio.csl_json import reference_item
from build_scripts.core.edition import edition
from build_scripts.core.paths import ROOT
from build_scripts.data.datasets import DATASET_ORDER

from .csl_data_model import CSL_ITEMS_SCHEMA


@pytest.mark.parametrize("dataset", DATASET_ORDER)
def test_json_export_holds_every_record_once_as_validated(built_site, catalog, dataset):
    document = json.loads((built_site / "data" / f"{dataset}.json").read_text(encoding="utf-8"))
    assert document["version"] == edition().version and "CC BY 4.0" in document["licence"]
    records = document["records"]
    assert [r["id"] for r in records] == sorted(catalog.records[dataset])
    for record in records:
        model = catalog.get(dataset, record["id"]).model_validate(record)
        assert model == catalog.get(dataset, record["id"]), record["id"]


def spreadsheet_rows(path) -> list[list[str]]:
    """The file read the way Excel and LibreOffice open a double-clicked CSV: the byte-order
    mark decides UTF-8 (without it the bytes are read as the system's code page)."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), (
        "no byte-order mark: Excel would garble 中文 and русский"
    )
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


@pytest.mark.parametrize("dataset", DATASET_ORDER)
def test_csv_export_opens_cleanly_with_a_readers_columns(built_site, catalog, dataset):
    header, *rows = spreadsheet_rows(built_site / "data" / f"{dataset}.csv")
    named = "name" if dataset == "people" else "title"
    assert header[:4] == ["id", f"{named}_en", f"{named}_zh", f"{named}_ru"]
    assert header[-1] == "sources"
    assert all(len(row) == len(header) for row in rows)
    assert [row[0] for row in rows] == sorted(catalog.records[dataset])
    assert not [c for c in header if any(word in c for word in ("editorial", "source_hash", "."))]
    assert len(header) <= 24, header
    filled = sum(bool(value) for row in rows for value in row) / (len(rows) * len(header))
    assert filled > 0.6, filled
    by_id = {row[0]: dict(zip(header, row)) for row in rows}
    for record_id, row in by_id.items():
        record = catalog.get(dataset, record_id)
        if record.title_text is not None:
            assert row["title_zh"] == record.title_text.get("zh")
            assert row["title_ru"] == record.title_text.get("ru")


def test_csv_export_reads_like_the_pages(built_site):
    header, *rows = spreadsheet_rows(built_site / "data" / "stages.csv")
    assert header.index("end") == header.index("start") + 1
    _, *indicators = spreadsheet_rows(built_site / "data" / "indicators.csv")
    exports = next(row for row in indicators if row[0] == "china-exports-to-russia-2017")
    assert "42876000000" in exports and "42876000000.0" not in exports
    header, *references = spreadsheet_rows(built_site / "data" / "references.csv")
    gazul = dict(zip(header, next(row for row in references if row[0] == "gazul-2011")))
    assert gazul["author"] == "Газуль, С. М." or gazul["author"].startswith("Газуль, ")


def test_bibtex_export_parses_and_holds_every_reference(built_site, catalog):
    library = bibtexparser.parse_string(
        (built_site / "data" / "references.bib").read_text(encoding="utf-8")
    )
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert sorted(entries) == sorted(catalog.records["references"])
    gazul = entries["gazul-2011"]
    assert gazul.entry_type == "inproceedings"
    assert gazul["title"] == "{Бизнес и облака}" and gazul["author"] == "Газуль, С.М."
    assert gazul["pages"] == "134--135" and gazul["date"] == "2011"
    assert entries["gov-cn-2019-joint-statement"]["url"] == (
        "http://www.gov.cn/xinwen/2019-06/06/content_5397865.htm"
    )


def test_ris_export_parses_and_holds_every_reference(built_site, catalog):
    entries = rispy.loads((built_site / "data" / "references.ris").read_text(encoding="utf-8"))
    assert sorted(e["id"] for e in entries) == sorted(catalog.records["references"])
    matvienko = next(e for e in entries if e["id"] == "matvienko-2019")
    assert matvienko["type_of_reference"] == "JOUR"
    assert matvienko["authors"] == ["Матвиенко, Ю.Е."]
    assert matvienko["title"] == "Анализ развития железнодорожного транспорта в ЕАЭС"
    assert matvienko["urls"] == ["http://www.eduherald.ru/ru/article/view?id=19537"]
    assert matvienko["access_date"] == "2019/02/11/"


def test_csl_json_export_follows_the_data_model_and_holds_every_reference(built_site, catalog):
    items = json.loads((built_site / "data" / "references.csl.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, CSL_ITEMS_SCHEMA)
    assert items == [
        reference_item(i, e.record) for i, e in sorted(catalog.records["references"].items())
    ]


def test_csl_data_model_check_can_fail():
    bad = [{"id": "x", "type": "journal", "author": [{"family": 3}], "issued": {"year": 2019}}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, CSL_ITEMS_SCHEMA)


def test_data_page_lists_every_download_in_each_language(built_site):
    files = sorted(p.name for p in (built_site / "data").iterdir() if p.name != "index.html")
    for prefix, heading in (
        ("", "Data and downloads"),
        ("zh/", "数据下载"),
        ("ru/", "Данные для скачивания"),
    ):
        page = (built_site / prefix / "data" / "index.html").read_text(encoding="utf-8")
        assert heading in page and "CC BY 4.0" in page
        linked = sorted(set(re.findall(r'href="(?:\.\./)+data/([^"]+)" download', page)))
        assert linked == files, prefix
        # The codebook names every field of every dataset.
        assert "<code>key_events</code>" in page and "<code>cited-in</code>" in page


def test_citation_cff_and_changelog_agree_on_the_version():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "version", "date-released", "license"} <= set(cff)
    assert re.fullmatch(r"\d+\.\d+\.\d+", cff["version"])
    newest = re.search(
        r"^## (\S+) — (\d{4}-\d{2}-\d{2})$",
        (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
        flags=re.M,
    )
    assert newest.groups() == (cff["version"], str(cff["date-released"]))
