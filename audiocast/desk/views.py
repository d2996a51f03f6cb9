"""The desk's pages: the episodes, one episode (its articles, its script against the
published one, regenerate), one article (written beside said, the fixes)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template

from audiocast import sources
from audiocast.desk import review
from audiocast.desk.app import Desk
from audiocast.desk.fixes import KINDS, FixError, article_file
from audiocast.errors import AudiocastError, ConfigError
from audiocast.narration.script import Narrator
from audiocast.publish.identity import FEED_NAME

pages = Blueprint("pages", __name__)


def desk() -> Desk:
    return current_app.extensions["audiocast_desk"]


def _page(template: str, **context) -> str:
    d = desk()
    return render_template(template, token=d.token, files=d.preview_prefix + "/",
                           feed=d.preview_prefix + "/" + FEED_NAME, build=d.builds.status(),
                           **context)


def _narrator(d: Desk):
    show = d.show()
    return show, Narrator.for_show(show, d.takes.engine(show.voice).max_chars)


@pages.errorhandler(ConfigError)
def _unusable(error: ConfigError):
    return _page("problem.html", problem=str(error)), 500


@pages.route("/favicon.ico")
def favicon():
    return "", 204


@pages.route("/")
def index() -> str:
    d = desk()
    show = d.show()
    return _page("episodes.html", show=show,
                 episodes=review.episodes(show, d.takes.engine(show.voice)))


@pages.route("/repeats")
def repeats() -> str:
    """The lines read in article after article, to be left out of every article."""
    from audiocast.repeated import repeated

    show = desk().show()
    problems: list[str] = []
    found, editions = repeated(show, warn=problems.append)
    return _page("repeats.html", show=show, editions=editions, problems=problems,
                 rules=[r for r in found if not r.news], news=[r for r in found if r.news])


@pages.route("/episode/<name>")
def episode(name: str) -> str:
    d = desk()
    show, narrator = _narrator(d)
    found = review.episodes(show, d.takes.engine(show.voice), only=name)
    if not found:
        abort(404)
    state = found[0]
    try:
        edition = sources.read_edition(show.episodes_dir / state.source)
        diff = review.script_diff(show, narrator, edition)
    except AudiocastError as e:
        return _page("episode.html", show=show, episode=state, diff=None, problem=str(e))
    return _page("episode.html", show=show, episode=state, diff=diff, problem=None)


@pages.route("/article/<path:relative>")
def article(relative: str) -> str:
    d = desk()
    show, narrator = _narrator(d)
    try:
        path = article_file(show.episodes_dir, relative)
    except FixError:
        abort(404)
    try:
        found = review.review(show, narrator, d.takes.engine(show.voice),
                              sources.read_article(path), path)
    except AudiocastError as e:
        text = path.read_text(encoding="utf-8", errors="replace")
        return _page("article.html", show=show, article=None, relative=relative, text=text,
                     problem=str(e), kinds=KINDS)
    return _page("article.html", show=show, article=found, relative=relative,
                 text=found.text, problem=None, kinds=KINDS)
