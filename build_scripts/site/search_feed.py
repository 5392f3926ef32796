"""What the search index reads of a built page: its content, weighted, in the words the index
is to hold.

Pagefind indexes these feed pages (search_index.py), not the published ones, so the published
HTML carries no search markup:

- only the page's article, under its own title (the page's first heading, as written);
- a page that lists records (an index, the timeline, the home page) weighs its list little: its
  title finds it, a record's words find the record first;
- a record's facts under its title (date, kind, parties, place) weigh more than its body;
- among those facts, the record's variant spellings (`aliases`); its notes ("Sources")
  and the links from elsewhere ("Elsewhere in this publication") weigh little, so that a record
  outranks a page that only mentions it in passing;
- what Material's search leaves out is left out (`data-search-exclude`, the ¶ and ↩ links, the
  translation notice);
- a source's quotations in another language than the page's (the papers' English on a Russian
  page) are left to that language's index: a reader finds them by searching in their language,
  and each index holds its own language's words (at 100x, the English quotations made a fifth
  of the Russian Pagefind run's memory);
- Chinese text is cut into words here (chinese_words.py), with the parts of each compound.
"""

from __future__ import annotations

import re
from html import escape, unescape

from ..core.languages import Language
from .chinese_words import ChineseWords

ROOT = "article"
EXCLUDED = [
    "[data-search-exclude]",
    "a.headerlink",
    "a.footnote-backref",
    "p.editorial-note",
    "span.editorial-mark",
    "a.footnote-ref",
]
# Pagefind's weights (1 is body text; Pagefind gives headings 7 down to 2 by their level).
PASSING_WEIGHT = 0.2
LISTING_WEIGHT = 0.3
FACTS_WEIGHT = 3.0
# The sections whose words are mentions of other records: by their heading's anchor.
PASSING_SECTIONS = ("related", "sources")

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_H2 = re.compile(r"<h2\b[^>]*>")
_ANCHOR = re.compile(r'\bid="([^"]+)"')
_TAG = re.compile(r"(<[^>]*>)")
# A quotation of a source, each paragraph a span in the work's language (pages/templates
# passage_quotes).
_QUOTE = re.compile(r'<blockquote>\s*<p><span lang="([^"]+)">.*?</blockquote>', re.S)


def text_of(html: str) -> str:
    """An HTML fragment's text, without the ¶ permalink."""
    html = re.sub(r'<a class="headerlink".*?</a>', "", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def _weigh_sections(content: str) -> str:
    """Wrap each passing section (from its h2 to the next h2) in a low weight."""
    starts = [m.start() for m in _H2.finditer(content)] + [len(content)]
    out = [content[: starts[0]]]
    for start, end in zip(starts, starts[1:]):
        section = content[start:end]
        anchor = _ANCHOR.search(_H2.match(section).group())
        if anchor and anchor.group(1) in PASSING_SECTIONS:
            section = f'<div data-pagefind-weight="{PASSING_WEIGHT}">{section}</div>'
        out.append(section)
    return "".join(out)


def _drop_other_languages_quotes(content: str, language: Language) -> str:
    """The content without the quotations in another language than the page's."""
    own = language.html_lang.split("-")[0]
    return _QUOTE.sub(
        lambda quote: quote.group() if quote.group(1).split("-")[0] == own else "", content
    )


def _segment_text(html: str, words: ChineseWords) -> str:
    """Cut the Chinese in the text between tags (never inside a tag's attributes)."""
    parts = _TAG.split(html)
    return "".join(part if part.startswith("<") else words.segment(part) for part in parts)


def _weigh_list(content: str, heading: re.Match | None) -> str:
    """Everything after the page's title at the weight of a list of other pages."""
    start = heading.end() if heading else 0
    return f'{content[:start]}<div data-pagefind-weight="{LISTING_WEIGHT}">{content[start:]}</div>'


def _weigh_facts(content: str, heading: re.Match | None) -> str:
    """The facts list under a record's title (before its first section), at FACTS_WEIGHT."""
    start = heading.end() if heading else 0
    first_section = _H2.search(content, start)
    facts = re.compile(r"<dl>.*?</dl>", re.S).search(
        content, start, first_section.start() if first_section else len(content)
    )
    if facts is None:
        return content
    return (
        f'{content[: facts.start()]}<div data-pagefind-weight="{FACTS_WEIGHT}">{facts.group()}'
        f"</div>{content[facts.end() :]}"
    )


def _punctuate_facts(content: str, language: Language) -> str:
    """A fact reads "Date: 5 June 2019;" in a result's excerpt, not "Date 5 June 2019" (Pagefind
    keeps the text, not the list's layout)."""
    colon, separator = language.colon.rstrip(), language.list_separator.rstrip()
    return content.replace("</dt>", f"{colon}</dt>").replace("</dd>", f"{separator}</dd>")


def feed_page(
    html: str, language: Language, words: ChineseWords | None, record_id: str | None = None
) -> str | None:
    """The page Pagefind reads for a built page in `language`: a record's (its `record_id` is
    found as typed, "russian-cultural-centres") or, without one, a page that lists records.
    None for a page without an article (a redirect)."""
    article = _ARTICLE.search(html)
    if article is None:
        return None
    content = article.group(1)
    heading = _H1.search(content)
    title = text_of(heading.group(1)) if heading else text_of(_TITLE.search(html).group(1))
    content = _drop_other_languages_quotes(content, language)
    content = _weigh_sections(_punctuate_facts(content, language))
    heading = _H1.search(content)  # again: the sections' weights moved it
    if record_id is None:
        content = _weigh_list(content, heading)
    else:
        content = _weigh_facts(content, heading)
        content += f'<p data-pagefind-weight="{FACTS_WEIGHT}">{escape(record_id)}</p>'
    if words is not None:
        content = _segment_text(content, words)
    return (
        f'<!doctype html><html lang="{language.search_index_language}">'
        '<head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>"
        f'<{ROOT}><span data-pagefind-meta="title[data-title]" data-title="{escape(title)}">'
        f"</span>{content}</{ROOT}>"
        "</body></html>"
    )
