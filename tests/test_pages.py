"""Every record has its page in every language, showing its own title in that language."""

from __future__ import annotations

import html
import re

import pytest

from build_scripts.core.languages import HTML_LANG, url_prefix
from build_scripts.data.datasets import DATASET_ORDER
from build_scripts.pages.views import title_of

from .conftest import LANGS


def page(site, lang: str, path: str) -> str:
    file = site / url_prefix(lang) / path / "index.html"
    assert file.exists(), f"missing page {file}"
    return file.read_text(encoding="utf-8")


def h1(content: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S)
    assert match, "page has no <h1>"
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).replace("¶", "").strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_record_has_its_page_with_its_title_in_each_language(built_site, catalog, lang):
    count = 0
    for dataset in DATASET_ORDER:
        for record_id in catalog.records[dataset]:
            content = page(built_site, lang, f"{dataset}/{record_id}")
            # The page's own language, on the root element (a language switcher's
            # hreflang="en" elsewhere on the page does not count).
            root = re.search(r"<html\b[^>]*>", content).group(0)
            assert f'lang="{lang}"' in root, (dataset, record_id, root)
            assert h1(content) == title_of(catalog, dataset, record_id, lang), (dataset, record_id)
            count += 1
    assert count == sum(len(records) for records in catalog.records.values()) > 40


@pytest.mark.parametrize("lang", LANGS)
def test_index_pages_list_every_record(built_site, catalog, lang):
    for dataset in DATASET_ORDER:
        content = page(built_site, lang, dataset)
        linked = set(re.findall(rf'href="\.\./{dataset}/([a-z0-9-]+)/"', content)) | set(
            re.findall(r'href="([a-z0-9-]+)/"', content)
        )
        assert set(catalog.records[dataset]) <= linked, dataset


def test_chinese_and_russian_pages_are_in_their_language(built_site, catalog):
    statement = catalog.get("statements", "joint-statement-2019-06-05")
    zh = page(built_site, "zh", "statements/joint-statement-2019-06-05")
    ru = page(built_site, "ru", "statements/joint-statement-2019-06-05")
    assert "2019年6月5日" in zh and statement.title.zh in html.unescape(zh)
    assert "5 июня 2019" in ru and statement.title.ru in html.unescape(ru)
    assert "联合声明" in zh and "Совместное заявление" in ru


def test_trade_figures_are_localised(built_site):
    assert "US$84.071 billion" in page(built_site, "en", "indicators/trade-total-2017")
    assert "840.71亿美元" in page(built_site, "zh", "indicators/trade-total-2017")
    assert "84,071 млрд долл. США" in page(built_site, "ru", "indicators/trade-total-2017")
    assert "+20,8\xa0%" in page(built_site, "ru", "indicators/trade-total-2017")


def test_language_switcher_leads_to_the_same_record(built_site):
    content = page(built_site, "en", "stages/all-round-development")
    assert re.search(
        r'href="[^"]*/zh/stages/all-round-development/"[^>]*hreflang="zh"', content
    ) or re.search(r'hreflang="zh"[^>]*href="[^"]*/zh/stages/all-round-development/"', content)
    assert re.search(r'/ru/stages/all-round-development/"', content)


def test_each_language_has_its_own_404_page(built_site):
    for lang in LANGS:
        content = (built_site / url_prefix(lang) / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in content, lang


def test_each_language_root_has_a_sitemap(built_site):
    for lang in LANGS:
        assert (built_site / url_prefix(lang) / "sitemap.xml").exists(), lang


def test_record_pages_stay_out_of_the_navigation(built_site):
    """The nav rendered into every page does not grow with the data."""
    content = page(built_site, "en", "about")
    assert "stages/all-round-development/" not in content.split('<div class="md-content"')[0]


def test_nothing_is_loaded_from_another_host(built_site):
    pattern = re.compile(
        r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="(https?:)?//', re.I
    )
    for file in built_site.rglob("*.html"):
        content = file.read_text(encoding="utf-8")
        for match in pattern.finditer(content):
            tag = content[match.start() : content.find(">", match.start()) + 1]
            # <link rel="canonical"/"alternate"> and sitemap links name our own address.
            assert re.search(r'rel="(canonical|alternate)"', tag), f"{file}: {tag}"
    css = "".join(f.read_text(encoding="utf-8") for f in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_generated_pages_say_they_are_generated(data_copy, tmp_path):
    from build_scripts.pages.generate import generate_all

    generate_all(data_copy, tmp_path / "docs")
    first = (tmp_path / "docs" / "stages" / "stage-fixture-one.zh.md").read_text(encoding="utf-8")
    assert "generated from data/ by build_scripts: do not edit" in first
    assert "data/stages/stage-fixture-one.yml" in first


@pytest.mark.parametrize("lang", LANGS)
def test_a_renamed_record_is_reached_from_its_former_address(built_site, catalog, lang):
    renamed = [(d, e) for d in DATASET_ORDER for e in catalog.entries(d) if e.record.former_ids]
    assert renamed  # exchanges/joint-university-in-shenzhen, once shenzhen-msu-bit-university
    for dataset, entry in renamed:
        for former in entry.record.former_ids:
            html_text = (built_site / url_prefix(lang) / dataset / former / "index.html").read_text(
                encoding="utf-8"
            )
            assert f'<html lang="{HTML_LANG[lang]}">' in html_text
            assert f'content="0; url=../{entry.id}/"' in html_text
            assert re.search(
                rf'<link rel="canonical" href="[^"]*/{url_prefix(lang)}{dataset}/'
                rf'{entry.id}/">',
                html_text,
            )
            assert html.escape(entry.record.title_in(lang)) in html_text
            assert (built_site / url_prefix(lang) / dataset / entry.id / "index.html").is_file()
