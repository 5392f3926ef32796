"""`make lint-text`: each rule finds the defect it is for, says where, and stays quiet on the
correct form; the terminology base's avoided variants are found; the publication's own texts,
hand-written pages and generated pages are clean."""

from __future__ import annotations

import pytest

from build_scripts.core import paths
from build_scripts.data.models import Term
from build_scripts.editor.text_lint import Text, lint, page_language, texts_of_page

TERM = Term.model_validate(
    {
        "id": "people-to-people-exchanges",
        "en": "people-to-people exchanges",
        "zh": "人文交流",
        "ru": "гуманитарные обмены",
        "avoid": {"ru": ["народн дипломат", "народная дипломатия"]},
        "note": {"en": "A different concept.", "zh": "不同概念。", "ru": "Другое понятие."},
    }
)


def findings(lang: str, text: str, markup: bool = False) -> list[str]:
    return lint([Text("data/x.yml", 3, 7, "summary." + lang, lang, text, markup)], [TERM])


@pytest.mark.parametrize(
    "lang, wrong, right, expected",
    [
        (
            "zh",
            "条目数: 5",
            "条目数：5",
            "data/x.yml:3:10: summary.zh: punctuation: use the full-width ：",
        ),
        ("zh", "（1991年) 之后", "（1991年）之后", "punctuation: use the full-width ）"),
        (
            "zh",
            "研究所 引用",
            "研究所引用",
            "data/x.yml:3:10: summary.zh: spacing: no space between",
        ),
        (
            "zh",
            "永久标识： 编号",
            "永久标识：编号",
            "spacing: no space after full-width punctuation",
        ),
        ("ru", "в 1991 г. произошло", "в 1991\u00a0г. произошло", "a no-break space before «г.»"),
        ("ru", "рост на 20 %", "рост на 20\u00a0%", "a no-break space before «%»"),
        ("ru", "статья У. Сая", "статья У.\u00a0Сая", "a no-break space after an initial"),
        ("ru", "в 1917\u00a0г. – 1949\u00a0г.", "в 1917–1949\u00a0гг.", "year range: write a span"),
        ("ru", 'концепция "Один пояс"', "концепция «Один пояс»", "quotation marks: use «»"),
        ("ru", "Все издание на русском", "Всё издание на русском", "ё: write «Всё издание»"),
        (
            "ru",
            "Народная дипломатия",
            "Гуманитарные обмены",
            "term people-to-people-exchanges: use «гуманитарные обмены», not «народная дипломатия»",
        ),
    ],
)
def test_each_rule_finds_its_defect_and_passes_the_right_form(lang, wrong, right, expected):
    found = findings(lang, wrong)
    assert any(expected in line for line in found), found
    assert findings(lang, right) == []


def test_english_quotation_marks_are_curly_except_in_the_sources_own_words():
    assert any("use curly quotation marks" in f for f in findings("en", 'the "Belt and Road"'))
    assert findings("en", "the “Belt and Road”") == []
    quoted = Text("data/x.yml", 3, 7, "quotes.0.text.en", "en", 'the "Belt"', verbatim=True)
    assert lint([quoted], [TERM]) == []


def test_markdown_and_html_syntax_is_not_prose():
    line = '- [人物](people/index.md)与[参考文献](x.md)<span class="m">［编者译］</span>[^1]'
    assert findings("zh", line, markup=True) == []
    # The same words with a real fault in them are still found on a page line.
    assert findings("zh", "- [人物](people/index.md) 与文献", markup=True)


def test_a_page_skips_front_matter_quotations_and_the_styles_citations():
    page = (
        '---\ntitle: "a: b"\n---\n\n> 1\\. 原文, 照录\n\n中俄文化关系, 2026. 主体协同\n'
        "{: .citation }\n\n正文, 有误\n"
    )
    found = lint(texts_of_page("docs/x.zh.md", "zh", page), [])
    assert found == ["docs/x.zh.md:10:3: punctuation: use the full-width ， beside Chinese"]
    assert page_language(paths.DOCS / "about.ru.md") == "ru"


def test_the_publication_is_clean(real_pages):
    """Data, interface strings, hand-written and generated pages, as `make lint-text` checks
    them (make test runs that command too)."""
    from build_scripts.data.load import read_yaml
    from build_scripts.editor.text_lint import texts_of_catalog, texts_of_ui, work_titles
    from build_scripts.pages.generate import GLOSSARY_FOLDER

    docs, catalog = real_pages
    ui_file, _ = read_yaml(paths.DATA / "ui.yml", paths.ROOT)
    texts = [
        *texts_of_catalog(catalog),
        *texts_of_ui(ui_file.shown_path, catalog.ui, ui_file.positions),
    ]
    for page in sorted(paths.DOCS.glob("*.md")):
        texts += texts_of_page(page.name, page_language(page), page.read_text(encoding="utf-8"))
    for page in sorted(docs.rglob("*.md")):
        if page.parent.name != GLOSSARY_FOLDER:
            texts += texts_of_page(
                str(page.relative_to(docs)), page_language(page), page.read_text(encoding="utf-8")
            )
    assert len(texts) > 5000
    assert lint(texts, catalog.terms, work_titles(catalog)) == []


def test_titles_of_works_and_documents_take_each_languages_marks():
    titles = {
        "zh": [("联合声明全文标题", True), ("论文的标题全文", False)],
        "ru": [("Совместное заявление двух стран", True), ("Название статьи целиком", False)],
    }

    def found(lang: str, text: str) -> list[str]:
        return lint([Text("data/x.yml", 3, 7, "summary." + lang, lang, text)], [], titles)

    assert found("zh", "两国签署联合声明全文标题。") == [
        "data/x.yml:3:11: summary.zh: title: put the title in 《》"
    ]
    assert found("zh", "两国签署《联合声明全文标题》。") == []
    assert found("zh", "作者在论文的标题全文中指出") != []
    # Russian: an article's title in «», an official document's name without quotes.
    assert found("ru", "В статье Название статьи целиком автор") != []
    assert found("ru", "В статье «Название статьи целиком» автор") == []
    assert found("ru", "Стороны подписали Совместное заявление двух стран.") == []
