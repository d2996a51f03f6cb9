"""The desk's web application: Flask for the pages and actions, the published files and a
preview feed (preview.py) under a path that carries the token, all behind the guard.

The guard: the desk answers only requests that carry its token (a random one, printed at
start: the printed address sets a cookie, the page sends it back in a header on every
action), whose Host is the address it listens on (against DNS rebinding) and, for an
action, whose Origin is the desk itself. State changes are POST only."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, Response, abort, redirect, request
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from audiocast import preview
from audiocast.config import load_show
from audiocast.desk.jobs import Builds
from audiocast.desk.takes import Takes
from audiocast.model import Show
from audiocast.serve import feed_app

TOKEN_HEADER = "X-Desk-Token"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'")


@dataclass
class Desk:
    """One desk over one show."""

    root: Path
    host: str = "127.0.0.1"  # the address it listens on
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    builds: Builds = field(init=False)
    takes: Takes = field(default_factory=Takes)

    def __post_init__(self) -> None:
        self.builds = Builds(self.root)

    @property
    def cookie(self) -> str:
        return "audiocast-desk-" + hashlib.sha256(self.token.encode()).hexdigest()[:10]

    @property
    def preview_prefix(self) -> str:
        return f"/preview/{self.token}"

    def show(self) -> Show:
        return load_show(self.root)

    def carries_token(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def host_allowed(self, host: str) -> bool:
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.strip("[]").lower()
        if _wildcard(self.host):
            return True  # reachable from the network on purpose: the token guards it
        return name in _LOOPBACK | {self.host.lower()}


def _wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def _guard(desk: Desk) -> Response | None:
    """Refuse what does not come from the desk's own page (403)."""
    if not desk.host_allowed(request.host):
        abort(403, "this address is not the desk's")
    if request.method == "GET" and desk.carries_token(request.args.get("token")):
        return _admit(desk)
    if not desk.carries_token(request.cookies.get(desk.cookie)):
        abort(403, "open the address the desk printed when it started (it carries the token)")
    if request.method != "GET" and request.method != "HEAD":
        origin = request.headers.get("Origin")
        if origin is not None and origin != request.host_url.rstrip("/"):
            abort(403, "actions come from the desk's own page")
        if not desk.carries_token(request.headers.get(TOKEN_HEADER)):
            abort(403, "actions carry the desk's token")
    return None


def _admit(desk: Desk) -> Response:
    """The printed address: set the cookie, then show the page without the token."""
    response = redirect(request.path, code=303)
    response.set_cookie(desk.cookie, desk.token, httponly=True, samesite="Strict")
    return response


def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = _CSP
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def create_app(desk: Desk):
    """The desk as one WSGI application."""
    from audiocast.desk import actions, views

    app = Flask("audiocast.desk", static_folder="static", template_folder="templates")
    app.extensions["audiocast_desk"] = desk
    app.before_request(lambda: _guard(desk))
    app.after_request(_headers)
    app.register_blueprint(views.pages)
    app.register_blueprint(actions.api)
    files = feed_app(desk.root / "feed", preview.routes(desk.show))
    return _HostGuard(DispatcherMiddleware(app.wsgi_app, {desk.preview_prefix: files}), desk)


class _HostGuard:
    """The Host check for everything, the preview (which has no cookie) included."""

    def __init__(self, app, desk: Desk) -> None:
        self.app, self.desk = app, desk

    def __call__(self, environ, start_response):
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        if not self.desk.host_allowed(host):
            start_response("403 Forbidden", [("Content-Type", "text/plain")])
            return [b"this address is not the desk's\n"]
        return self.app(environ, start_response)
