"""Numbers in words, built on num2words, in the style newsreaders use (no "and" inside
numbers, years in pairs, decimals digit by digit)."""

from __future__ import annotations

from num2words import num2words

_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _plain(words: str) -> str:
    return words.replace(",", "").replace(" and ", " ")


def cardinal(number: int, lang: str = "en") -> str:
    """`150000` -> `one hundred fifty thousand`; `-3` -> `minus three`."""
    return _plain(num2words(number, lang=lang))


def ordinal(number: int, lang: str = "en") -> str:
    """`21` -> `twenty-first`."""
    return _plain(num2words(number, lang=lang, to="ordinal"))


def year(number: int, lang: str = "en") -> str:
    """`2023` -> `twenty twenty-three`; `2007` -> `two thousand seven`; `1905` -> `nineteen
    oh-five`."""
    return _plain(num2words(number, lang=lang, to="year"))


def digits(text: str) -> str:
    """`4015` -> `four zero one five`."""
    return " ".join(_DIGITS[int(d)] for d in text if d.isdigit())


def decimal(text: str, lang: str = "en") -> str:
    """A written number (`1,250`, `2.5`, `-0.25`, `.5`) in words; digits after the point one
    by one (`3.20` -> `three point two zero`)."""
    text = text.replace(",", "")
    sign = ""
    if text.startswith(("-", "−")):
        sign, text = "minus ", text[1:]
    whole, _, fraction = text.partition(".")
    words = cardinal(int(whole or "0"), lang)
    if fraction:
        words += " point " + digits(fraction)
    return sign + words


def plural(words: str) -> str:
    """`nineteen ninety` -> `nineteen nineties`; `two thousand` -> `two thousands`."""
    head, _, last = words.rpartition(" ")
    if last.endswith("y"):
        last = last[:-1] + "ies"
    elif last.endswith("x"):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _pair(two: str) -> str:
    return f"oh {_DIGITS[int(two[1])]}" if two.startswith("0") else cardinal(int(two))


def pairs(text: str) -> str:
    """A number that names something, read the way people say model, flight and bill
    numbers: `2218` -> `twenty-two eighteen`; `320` -> `three twenty`; `101` -> `one oh one`;
    `200` -> `two hundred`; `00392` -> `three ninety-two`; five digits and more one by one."""
    text = text.lstrip("0") or "0"
    if len(text) <= 2:
        return cardinal(int(text))
    if len(text) == 3:
        if text[1:] == "00":
            return cardinal(int(text))
        return f"{_DIGITS[int(text[0])]} {_pair(text[1:])}"
    if len(text) == 4:
        if text[1:] == "000":
            return cardinal(int(text))
        if text[2:] == "00":
            return f"{cardinal(int(text[:2]))} hundred"
        return f"{cardinal(int(text[:2]))} {_pair(text[2:])}"
    return digits(text)


def spoken_digits(text: str) -> str:
    """Digits one by one as people read phone numbers: `0142` -> `oh one four two`."""
    return " ".join("oh" if d == "0" else _DIGITS[int(d)] for d in text if d.isdigit())
