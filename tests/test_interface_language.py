"""Every page speaks its reader's language: no other language's interface text or script outside
elements marked with that language (tests/interface_language.py says what is read)."""

from __future__ import annotations

from tests.interface_language import interface_strings, leaks, site_leaks


def test_no_page_shows_another_languages_interface_text(built_site, catalog):
    assert site_leaks(built_site, catalog.ui) == {}


def test_the_scan_finds_what_readers_met(catalog):
    english = interface_strings(catalog.ui)["en"]
    page = (
        '<html lang="zh"><body><h2 id="a">概要<a class="headerlink" href="#a" '
        'title="Permanent link">¶</a></h2><div class="md-copyright">Made with '
        '<a lang="en">Material for MkDocs</a></div><p>以英文称为<span lang="en">Strategy</span>'
        "</p><p>第326-р号令</p></body></html>"
    )
    found = leaks(page, "zh", english)
    assert found == [
        "@title: 'Permanent link' in Permanent link",
        "text: 'Made with' in Made with",
        "text: 第326-р号令",
    ]
    assert leaks('<p lang="ru">Там же <span lang="zh-Hans">同上</span></p>', "ru", set()) == []


def test_the_language_switcher_names_each_language_in_itself(built_site):
    page = (built_site / "zh" / "stages" / "limited-contact" / "index.html").read_text("utf-8")
    assert 'hreflang="ru" lang="ru" class="md-select__link">' in page
    assert 'hreflang="en" lang="en" class="md-select__link">' in page
