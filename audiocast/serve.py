"""`audiocast serve`: the published folder over HTTP, as a podcast host must serve it.

Werkzeug's file responses give byte ranges (206 with Content-Range, suffix ranges, 416 for
unsatisfiable ones), HEAD and conditional requests; this module adds the content types of
podcast files, CORS on transcripts and chapters for web players, and keeps every path inside
the folder (no `..`, encoded or not, no symlink leading out)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.security import safe_join
from werkzeug.serving import make_server
from werkzeug.utils import send_file
from werkzeug.wrappers import Request, Response

CONTENT_TYPES = {
    ".mp3": "audio/mpeg",
    ".xml": "application/rss+xml",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".chapters.json": "application/json+chapters",
    ".json": "application/json",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".html": "text/html; charset=utf-8",
}
_CORS = (".vtt", ".srt", ".json")


def _content_type(path: Path) -> str:
    name = path.name
    for suffix, kind in CONTENT_TYPES.items():  # longest suffixes are listed first
        if name.endswith(suffix):
            return kind
    return "application/octet-stream"


def feed_app(root: Path, routes: Mapping[str, Callable[[Request], Response]] | None = None):
    """A WSGI application serving `root`; `routes` answer some paths instead (the preview's
    feed and page, audiocast/preview.py)."""
    root = root.resolve()
    routes = routes or {}

    @Request.application
    def app(request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return MethodNotAllowed(["GET", "HEAD"])
        if request.path in routes:
            return routes[request.path](request)
        joined = safe_join(str(root), request.path.lstrip("/"))
        if joined is None:
            return NotFound()
        path = Path(joined).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_relative_to(root) or not path.is_file():
            return NotFound()
        response = send_file(path, request.environ, mimetype=_content_type(path),
                             conditional=True, max_age=300)
        if path.name.endswith(_CORS):
            response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    return app


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000,
          routes: Mapping[str, Callable[[Request], Response]] | None = None) -> None:
    server = make_server(host, port, feed_app(root, routes), threaded=True)
    print(f"serving {root} on http://{host}:{server.server_port}/ (Ctrl-C to stop)",
          flush=True)
    server.serve_forever()
