"""`audiocast serve`: the published folder over HTTP, as a podcast host must serve it.

Werkzeug's file responses give byte ranges (206 with Content-Range, suffix ranges, 416 for
unsatisfiable ones), HEAD and conditional requests; this module adds the content types of
podcast files, CORS on transcripts and chapters for web players, and keeps every path inside
the folder (no `..`, encoded or not, no symlink leading out). A Range header that is not one
valid byte range (malformed, or several ranges) is ignored, as RFC 9110 allows: the whole file
is sent. A NUL byte or an overlong path is a 4xx, never a 500.

It runs on waitress, a production WSGI server: asynchronous I/O for connections (an idle
connection costs no thread), a bounded pool of threads for requests, a connection limit,
an idle timeout, and bounded request headers, so a few hundred idle connections do not keep
real listeners out.
"""

from __future__ import annotations

import resource
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from werkzeug.datastructures import Range
from werkzeug.exceptions import (
    BadRequest,
    HTTPException,
    MethodNotAllowed,
    NotFound,
    RequestURITooLarge,
)
from werkzeug.http import parse_range_header
from werkzeug.security import safe_join
from werkzeug.utils import send_file
from werkzeug.wrappers import Request, Response

from audiocast.destinations import content_type

_CORS = (".vtt", ".srt", ".json")
MAX_PATH = 1024  # characters of a request path
Route = Callable[[Request], Response]  # answers a path itself (the preview's feed and page)
LIMITS: dict[str, Any] = {  # waitress's settings
    "threads": 8,  # requests served at once
    "connection_limit": 1000,  # connections open at once (idle ones cost a socket, no thread)
    "channel_timeout": 30,  # seconds an idle connection is kept
    "cleanup_interval": 10,
    "asyncore_use_poll": True,  # poll(), not select(): no limit of 1024 descriptors
    "max_request_header_size": 16_384,
    "max_request_body_size": 1_024,  # GET and HEAD only
    "backlog": 1024,
    "ident": "audiocast",
}


def _one_range(environ: dict[str, Any]) -> None:
    """Drop a Range header that is not one well-formed byte range (RFC 9110, 14.2)."""
    header = environ.get("HTTP_RANGE")
    if header is None:
        return
    parsed: Range | None = parse_range_header(header)
    if parsed is None or parsed.units != "bytes" or len(parsed.ranges) != 1:
        del environ["HTTP_RANGE"]


def _file_response(root: Path, request: Request,
                   routes: Mapping[str, Route]) -> Response | HTTPException:
    if request.method not in ("GET", "HEAD"):
        return MethodNotAllowed(["GET", "HEAD"])
    if len(request.path) > MAX_PATH:
        return RequestURITooLarge()
    if "\x00" in request.path:
        return BadRequest()
    if request.path in routes:
        try:
            return routes[request.path](request)
        except HTTPException as e:  # a bad Host header, say
            return e
    joined = safe_join(str(root), request.path.lstrip("/"))
    if joined is None:
        return NotFound()
    try:
        path = Path(joined).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_relative_to(root) or not path.is_file():
            return NotFound()
    except (OSError, ValueError):  # a name too long for the file system, and the like
        return NotFound()
    try:
        response = send_file(path, request.environ, mimetype=content_type(path.name),
                             conditional=True, max_age=300)
    except HTTPException as e:  # 416 for a range beyond the end
        return e.get_response(request.environ)
    if path.name.endswith(_CORS):
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def feed_app(root: Path, routes: Mapping[str, Route] | None = None
             ) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    """A WSGI application serving `root`; `routes` answer some paths instead (the preview's
    feed and page, audiocast/preview.py)."""
    root = root.resolve()
    routes = routes or {}

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        _one_range(environ)
        return _file_response(root, Request(environ), routes)(environ, start_response)

    return app


def _raise_file_limit(wanted: int) -> None:
    """Enough descriptors for the connection limit, as far as the system allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000,
          routes: Mapping[str, Route] | None = None) -> None:
    from waitress.server import create_server

    _raise_file_limit(LIMITS["connection_limit"] + 100)
    server = create_server(feed_app(root, routes), host=host, port=port, **LIMITS)
    print(f"serving {root} on http://{host}:{server.effective_port}/ (Ctrl-C to stop)",
          flush=True)
    server.run()
