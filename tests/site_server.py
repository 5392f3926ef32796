"""Serve a built site on 127.0.0.1 for the link checker and the browser tests."""

from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    # Keep-alive, as a static host serves: a page's many small requests (a search's index
    # chunks and fragments) reuse their connections instead of opening one each.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: without this, Nagle's algorithm holds each
    # small response back until the browser's delayed acknowledgement (some 40 ms), which no
    # static host does.
    disable_nagle_algorithm = True

    def end_headers(self):
        # Tells linkchecker this host may be checked at full speed.
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, *args):  # keep test output clean
        pass

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page, as a static host would.
        if code == 404:
            page = Path(self.directory) / "404.html"
            for lang in ("zh", "ru"):
                if self.path.startswith(f"/{lang}/"):
                    page = Path(self.directory) / lang / "404.html"
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@contextlib.contextmanager
def serve(directory: Path):
    handler = functools.partial(_Handler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
