"""Where things live in the repository."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
ROOT = PACKAGE.parent
DATA = ROOT / "data"
DOCS = ROOT / "docs"
SCHEMAS = ROOT / "schemas"
TEMPLATES = PACKAGE / "pages" / "templates"
CITE_JS = PACKAGE / "biblio" / "citeproc" / "cite.js"
NODE_MODULES = ROOT / "node_modules"
SOURCES = ROOT.parent / "shared" / "sources"
PAGEFIND = NODE_MODULES / ".bin" / "pagefind"
