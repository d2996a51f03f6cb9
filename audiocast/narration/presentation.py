"""The presenter's words around the stories, from the show's templates
(`model.Presentation`): the intro, the rundown of the stories, a transition before each
story after the first, the sign-off, and the episode's title.

Templates are checked when the show is loaded (only the fields below); here they are filled
in. What is said is normalized like any sentence afterwards, so `{date}` is written
(`November 24`) and said as a newsreader says it (`November twenty-fourth`)."""

from __future__ import annotations

import datetime as dt

from audiocast.model import Edition, Presentation

AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec.")


def fields(show: str, edition: Edition, limit: int = 6, title: bool = False,
           language: str = "en") -> dict[str, str]:
    """What a template may name. In a title the date is in AP style (`Nov. 24`). The
    weekday and the date are in the feed's language (`mardi`, `24 novembre`)."""
    day = edition.date
    headlines = [a.title.rstrip(".") for a in edition.articles]
    named = headlines[:limit] + (["more"] if len(headlines) > limit else [])
    listed = "; ".join(named[:-1]) + f"; and {named[-1]}" if len(named) > 1 else "".join(named)
    month = AP_MONTHS[day.month - 1] if title else f"{day:%B}"
    weekday, date = _local(day, language, title) or (f"{day:%A}", f"{month} {day.day}")
    return {"show": show, "weekday": weekday, "date": date,
            "year": str(day.year), "headlines": listed, "count": str(len(headlines)),
            "lead": headlines[0] if headlines else ""}


def _local(day: dt.date, language: str, short: bool) -> tuple[str, str] | None:
    """The weekday and the day of the month in a language other than English, as Babel
    (CLDR) writes them; None for English, or a language CLDR does not know."""
    if not language or language.lower().startswith("en"):
        return None
    from babel import UnknownLocaleError
    from babel.dates import format_date, format_skeleton

    locale = language.replace("-", "_")  # pt-BR -> pt_BR
    try:
        return (format_date(day, "EEEE", locale=locale),
                format_skeleton("MMMd" if short else "MMMMd", day, locale=locale))
    except (UnknownLocaleError, ValueError):
        return None


def intro(p: Presentation, show: str, edition: Edition, language: str = "en") -> str:
    """`The Harbor City Briefing. Tuesday, November 24, 2026.`"""
    return p.intro.format_map(fields(show, edition, language=language))


def rundown(p: Presentation, show: str, edition: Edition, language: str = "en") -> str:
    """`In this edition: two cranes arrive; the robotics team wins; and more.` (editions of
    more than one story)."""
    if len(edition.articles) < 2:
        return ""
    return p.rundown.format_map(fields(show, edition, p.rundown_limit, language=language))


def transition(p: Presentation, story: int) -> str:
    """What is said before the `story`-th story (from 0): nothing before the first, then the
    transitions in turn."""
    if story == 0 or not p.transitions:
        return ""
    return p.transitions[(story - 1) % len(p.transitions)]


def sign_off(p: Presentation, show: str, edition: Edition, language: str = "en") -> str:
    """`That was The Harbor City Briefing for Tuesday, November 24. Thank you for listening.`"""
    return p.sign_off.format_map(fields(show, edition, language=language))


def title(p: Presentation, show: str, edition: Edition, language: str = "en") -> str:
    """`Tuesday, Nov. 24: Two electric cranes arrive at the port` (an episode of one story:
    its headline, by default)."""
    template = p.title if len(edition.articles) > 1 else p.single_title
    return " ".join(template.format_map(fields(show, edition, title=True,
                                               language=language)).split())
