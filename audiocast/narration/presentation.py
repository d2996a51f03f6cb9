"""The presenter's words around the stories, from the show's templates
(`model.Presentation`): the intro, the rundown of the stories, a transition before each
story after the first, the sign-off, and the episode's title.

Templates are checked when the show is loaded (only the fields below); here they are filled
in. What is said is normalized like any sentence afterwards, so `{date}` is written
(`November 24`) and said as a newsreader says it (`November twenty-fourth`)."""

from __future__ import annotations

from audiocast.model import Edition, Presentation

AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec.")


def fields(show: str, edition: Edition, limit: int = 6, title: bool = False) -> dict[str, str]:
    """What a template may name. In a title the date is in AP style (`Nov. 24`)."""
    day = edition.date
    headlines = [a.title.rstrip(".") for a in edition.articles]
    named = headlines[:limit] + (["more"] if len(headlines) > limit else [])
    listed = "; ".join(named[:-1]) + f"; and {named[-1]}" if len(named) > 1 else "".join(named)
    month = AP_MONTHS[day.month - 1] if title else f"{day:%B}"
    return {"show": show, "weekday": f"{day:%A}", "date": f"{month} {day.day}",
            "year": str(day.year), "headlines": listed, "count": str(len(headlines)),
            "lead": headlines[0] if headlines else ""}


def intro(p: Presentation, show: str, edition: Edition) -> str:
    """`The Harbor City Briefing. Tuesday, November 24, 2026.`"""
    return p.intro.format_map(fields(show, edition))


def rundown(p: Presentation, show: str, edition: Edition) -> str:
    """`In this edition: two cranes arrive; the robotics team wins; and more.` (editions of
    more than one story)."""
    if len(edition.articles) < 2:
        return ""
    return p.rundown.format_map(fields(show, edition, p.rundown_limit))


def transition(p: Presentation, story: int) -> str:
    """What is said before the `story`-th story (from 0): nothing before the first, then the
    transitions in turn."""
    if story == 0 or not p.transitions:
        return ""
    return p.transitions[(story - 1) % len(p.transitions)]


def sign_off(p: Presentation, show: str, edition: Edition) -> str:
    """`That was The Harbor City Briefing for Tuesday, November 24. Thank you for listening.`"""
    return p.sign_off.format_map(fields(show, edition))


def title(p: Presentation, show: str, edition: Edition) -> str:
    """`Tuesday, Nov. 24: Two electric cranes arrive at the port` (an episode of one story:
    its headline, by default)."""
    template = p.title if len(edition.articles) > 1 else p.single_title
    return " ".join(template.format_map(fields(show, edition, title=True)).split())
