"""The desk's actions (POST, JSON in and out) and its takes: hear a sentence, try a
lexicon entry before saving it, keep or drop a paragraph, edit an article, build."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import Blueprint, jsonify, request, send_file, url_for

from audiocast import sources
from audiocast.config import SHOW_RULES, lexicon_file
from audiocast.desk import fixes, review
from audiocast.desk.app import Desk
from audiocast.desk.views import desk
from audiocast.errors import AudiocastError
from audiocast.narration.clean import paragraph_digest
from audiocast.narration.lexicon import Lexicon
from audiocast.narration.repeats import Repeat
from audiocast.narration.script import Narrator

api = Blueprint("api", __name__)


@api.errorhandler(AudiocastError)
def _refused(error: AudiocastError):
    return jsonify(error=str(error)), 400


def _field(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise fixes.FixError(f"the request has no {name}")
    return value


def _body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise fixes.FixError("send the fields as a JSON object")
    return data


def _take_urls(d: Desk, texts: list[str]) -> list[str]:
    show = d.show()
    return [url_for("api.take", key=d.takes.make(show, text)) for text in texts]


@api.post("/api/take")
def make_take():
    """The take of one said text, made on demand: where to hear it."""
    d = desk()
    (url,) = _take_urls(d, [_field(_body(), "text")])
    return jsonify(url=url)


@api.get("/take/<key>.wav")
def take(key: str):
    d = desk()
    path = d.takes.path(d.show(), key)
    if not path.is_file():
        return jsonify(error="no such take"), 404
    return send_file(path, mimetype="audio/wav", conditional=True, max_age=3600)


@api.post("/api/lexicon/preview")
def try_entry():
    """A sentence said with a lexicon entry that is not saved yet, and its takes."""
    d, data = desk(), _body()
    show = d.show()
    entry = fixes.candidate(_field(data, "written"), _field(data, "kind"),
                            _field(data, "value"))
    narrator = Narrator.for_show(show, d.takes.engine(show.voice).max_chars)
    trying = dataclasses.replace(narrator, lexicon=Lexicon((*show.lexicon, entry)))
    sentence = data.get("sentence") if isinstance(data.get("sentence"), str) else ""
    engine = d.takes.engine(show.voice)
    now = review.sentence(trying, engine, sentence or entry.written)
    before = review.sentence(narrator, engine, sentence or entry.written)
    return jsonify(said=now.said, before=before.said, takes=_take_urls(d, list(now.sent)))


@api.post("/api/lexicon")
def save_entry():
    d, data = desk(), _body()
    fixes.save_entry(d.root, lexicon_file(d.root), _field(data, "kind"),
                     _field(data, "written"), _field(data, "value"))
    d.show()  # the show still loads with it (a ConfigError otherwise)
    return jsonify(ok=True)


@api.post("/api/drop")
def leave_out_everywhere():
    """A drop rule of the show's own, for a line read in article after article."""
    d, data = desk(), _body()
    line = " ".join(_field(data, "line").split())
    fixes.add_drop(fixes.inside(d.root, d.root / SHOW_RULES),
                   Repeat(_field(data, "pattern"), line, 0, (), False))
    d.show()  # the show still loads with it (a ConfigError otherwise)
    return jsonify(ok=True)


@api.post("/api/choice")
def choose():
    """Keep or drop one paragraph of an article (by its digest), or let the rules decide."""
    d, data = desk(), _body()
    path = fixes.article_file(d.show().episodes_dir, _field(data, "article"))
    digest = _field(data, "paragraph")
    article = sources.read_article(path)  # its first line too, which may be no headline
    lines = [line for _, written in article.lines for line in written]
    found = [p for p in (article.title, *article.paragraphs, *lines)
             if paragraph_digest(p) == digest]
    if not found:
        raise fixes.FixError("that paragraph is no longer in the article: reload the page")
    fixes.choose(path, found[0], _field(data, "action"))
    return jsonify(ok=True)


@api.post("/api/article")
def save_article():
    d, data = desk(), _body()
    path = fixes.article_file(d.show().episodes_dir, _field(data, "article"))
    fixes.save_article(path, _field(data, "text"))
    return jsonify(ok=True)


@api.post("/api/build")
def start_build():
    """Regenerate one episode (`episode`) or build the whole show (publish)."""
    data = _body()
    episode = data.get("episode")
    if episode is not None and not isinstance(episode, str):
        raise fixes.FixError("episode is an episode's name, or null for the whole show")
    return jsonify(desk().builds.start(episode or None))


@api.get("/api/build")
def build_status():
    return jsonify(desk().builds.status())
