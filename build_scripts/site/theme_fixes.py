"""Three repairs to the HTML that Material for MkDocs renders on every page, so that every page
passes the W3C Nu HTML Checker and axe-core (tests/test_quality_gates.py):

- its search dialog (role="dialog") has no accessible name: it gets the search box's own
  label, which Material has already translated into the page's language;
- its drawer and search toggles are checkboxes with autocomplete="off", which HTML allows only
  on text-like inputs: the attribute is dropped;
- on a page outside the navigation (every record page) the table of contents' title is a
  <label for="__toc"> with no such control on the page: it becomes a plain element.

`localize` puts the page's language into what Markdown's extensions write in English whatever
the page: the title of every heading's permalink (toc's `permalink_title`, one setting for all
languages).

They are made here, on the rendered page, rather than by copying Material's partials into
overrides/, so that a theme upgrade cannot silently bring the faults back: the tests would fail.
"""

from __future__ import annotations

import re

_SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input"[^>]*\baria-label="([^"]*)"')
_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_CHECKBOX = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def repair(html: str) -> str:
    label = _SEARCH_LABEL.search(html)
    if label:
        html = html.replace(_DIALOG, _DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)
    html = _CHECKBOX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    return html


_HEADERLINK = re.compile(r'(<a class="headerlink" href="#[^"]*") title="Permanent link"')


def localize(html: str, ui: dict[str, dict[str, str]], lang: str) -> str:
    title = ui["permalink_anchor"][lang].replace('"', "&quot;")
    return _HEADERLINK.sub(lambda m: f'{m.group(1)} title="{title}"', html)
