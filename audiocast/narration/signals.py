"""Whether a paragraph carries news: what makes a furniture rule that is unsure of its
ground (`unless_news`) keep the paragraph.

A call to action, a contact line or a note may sit in one paragraph with news: `Sign up for
FloodWatch by Friday. Almost 3,400 households joined last winter.` The signals of news are
general, not wordings: a quotation, a reporting verb, a number that states a fact, or more
sentences than a line of furniture has. Numbers that furniture itself carries (prices, phone
numbers, times, dates, web and e-mail addresses, DOIs, street and postal addresses, the
year of a copyright) are no facts here.
"""

from __future__ import annotations

from audiocast.narration import vocabulary as v
from audiocast.narration.compiled import kept_regex
from audiocast.narration.segment import sentences

MAX_SENTENCES = 3  # a line of furniture is short: more sentences than this, and it is news

_MONTH = "|".join([*v.MONTH_NAMES, *(m.rstrip(".") for m in v.MONTHS)])
_NOT_FACTS = kept_regex(
    r"\S+@\S+"  # e-mail addresses
    r"|\S*[A-Za-z0-9]\.[A-Za-z]{2,}\S*"  # web addresses, with or without a scheme
    r"|\b10\.\d{4,9}/\S+"  # DOIs
    r"|(?:US|CA|C|A|NZ|HK|S)?[$€£¥₹]\s?\d[\d,.]*"  # prices
    r"|\b(?:Rs\.?|USD|CAD|AUD|NZD|GBP|EUR)\s?\d[\d,.]*"
    r"|(?:\+?1[-. ])?\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b|\b\d{3}-\d{4}\b"  # phone numbers
    r"|\+\d{1,3}(?:[ .-]\(?\d{1,5}\)?){2,6}\b"  # international phone numbers
    r"|\b0\d{3,4}[ -]\d{3}[ -]\d{3,4}\b"  # national ones: 01855 555 0134
    r"|\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b\.?|\b\d{1,2}:\d{2}\b"  # times
    rf"|\b(?:{_MONTH})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"  # dates
    r"|\b\d{1,2}(?:st|nd|rd|th)? (?:" + "|".join(v.MONTH_NAMES) + r")(?: \d{4})?"
    r"|\b\d{1,5}(?: [A-Z][\w'’-]*){1,3} (?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|"
    r"Blvd|Drive|Dr|Way|Place|Pl|Court|Ct|Parkway|Pkwy|Square|Sq|Quay|Terrace)\b\.?"  # streets
    r"|\bP\.?O\.? Box \d+|\b[A-Z]{2} \d{5}(?:-\d{4})?\b"  # a post box, a state and ZIP code
    r"|(?:©|\([Cc]\)|Copyright)\s?(?:19|20)\d\d")  # the year of a copyright
_QUOTE = kept_regex(r"[\"“”]")
_REPORTED = kept_regex(r"\b(?<!-)(?:said|says|told|according to|announced|reported|added|"
                       r"wrote|urged|asked|noted|warned|explained|argued)\b")  # not `self-reported`


_QUOTED = kept_regex(r"[\"“]([^\"“”]*)[\"”]")
MIN_QUOTE_WORDS = 3  # a title in quotes ("The Ferry") is no quotation; a sentence is
# a name or a title in quotes, each word capitalised but the small ones: "Loon Narrows
# Ricers", "Harbour Smelter S.A." (`find us as …`, `with the credit …`), a webinar's "Avian
# Flu in Companion Animals: What Clinics Need Now," or a series' "Learning at Home"
_WORD = (r"(?:[A-ZÀ-Þ0-9][\w'’&.-]*|of|the|and|de|del|la|du|von|van|&|a|an|at|in|on|for|to"
         r"|with|by|from|or|as|into|vs\.?)[:,?!]?")
_NAME = kept_regex(rf"{_WORD}(?:\s+{_WORD})*")


_ADDRESS = kept_regex(r"\S+@\S+|https?://\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")


def reports(paragraph: str) -> bool:
    """Whether the paragraph quotes someone (a quotation, or a quote left open for the next
    paragraph) or reports what someone said: `"We will rebuild," she said.` does; `get a
    print of "The Ferry" free` does not, nor a web address's words (`…/race-calls-explained`)."""
    paragraph = _ADDRESS.sub(" ", paragraph)
    if _REPORTED.search(paragraph) or len(_QUOTE.findall(paragraph)) % 2:
        return True
    return any(len(q.split()) >= MIN_QUOTE_WORDS and not _NAME.fullmatch(q.strip())
               for q in _QUOTED.findall(paragraph))


def carries_news(paragraph: str) -> bool:
    """Whether the paragraph says something a newsreader would read: `Almost 3,400
    households joined.` does; `Become a member for $5 a month.` does not."""
    if _QUOTE.search(paragraph) or reports(paragraph):
        return True
    if any(ch.isdigit() for ch in _NOT_FACTS.sub(" ", paragraph)):
        return True
    return len(sentences(paragraph)) > MAX_SENTENCES
