"""Where a record page stands: its dataset in the navigation, and its neighbours.

Record pages are not in the navigation (at a hundredfold data every page would carry thousands
of links), so Material knows nothing of them: no active section, no breadcrumb, no previous and
next. While a record page is rendered, its dataset's index is marked active (the sidebar
highlights it) and made the page's parent (Material's breadcrumb, `navigation.path`, then reads
home › dataset), and its previous and next pages are the records before and after it in the
order of the dataset's index (`Catalog.sorted_entries`), which Material's footer shows. All of
it is undone once the page is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core.languages import url_prefix
from ..data.catalog import Catalog
from ..data.datasets import DATASETS


@dataclass(frozen=True)
class RecordPlace:
    dataset_page: Page
    previous: Page | None
    next: Page | None


def record_address(url: str, lang: str) -> tuple[str, str] | None:
    """'zh/stages/limited-contact/' -> ('stages', 'limited-contact'); None for other pages."""
    prefix = url_prefix(lang)
    if not url.startswith(prefix):
        return None
    parts = url[len(prefix) :].strip("/").split("/")
    if len(parts) == 2 and parts[0] in DATASETS:
        return parts[0], parts[1]
    return None


class RecordNavigation:
    """One language build's record pages (by URL) and dataset orders."""

    def __init__(self, catalog: Catalog, pages: list[Page], lang: str) -> None:
        self.lang = lang
        self.pages = {page.url: page for page in pages}
        self.orders = {
            dataset: [entry.id for entry in catalog.sorted_entries(dataset)] for dataset in DATASETS
        }

    def _page(self, dataset: str, record_id: str) -> Page | None:
        return self.pages.get(f"{url_prefix(self.lang)}{dataset}/{record_id}/")

    def place(self, page: Page, nav: Navigation) -> RecordPlace | None:
        address = record_address(page.url, self.lang)
        if address is None:
            return None
        dataset, record_id = address
        index_url = f"{url_prefix(self.lang)}{dataset}/"
        dataset_page = next((p for p in nav.pages if p.url == index_url), None)
        order = self.orders[dataset]
        if dataset_page is None or record_id not in order:
            return None
        at = order.index(record_id)
        previous = self._page(dataset, order[at - 1]) if at > 0 else None
        following = self._page(dataset, order[at + 1]) if at + 1 < len(order) else None
        return RecordPlace(dataset_page, previous, following)


def enter(page: Page, place: RecordPlace) -> None:
    """Before the page is rendered: its dataset active, its neighbours linked."""
    place.dataset_page.active = True
    page.parent = place.dataset_page
    page.previous_page = place.previous
    page.next_page = place.next


def leave(page: Page, place: RecordPlace) -> None:
    """After: the navigation as the other pages expect it."""
    place.dataset_page.active = False
    page.parent = None
