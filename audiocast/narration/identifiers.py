"""Numbers and codes that name things, read as identifiers, not quantities: flight and model
numbers, bills, phone numbers, emergency and service numbers, ISBNs, court dockets, highways,
retirement plans, virus strains, 9/11, stock tickers, software versions, permits,
shortened wallet addresses, trial registrations and grant codes, DOIs.

Each rule is one named function, text in, text out, with an example in its docstring; what
it decides is sealed (`spans.seal`) so no later rule reads it again as a quantity.
"""

from __future__ import annotations

import re

from audiocast.narration import vocabulary as v
from audiocast.narration.capitals import letters
from audiocast.narration.compiled import kept_regex
from audiocast.narration.numbers import cardinal, pairs, spoken_digits, year
from audiocast.narration.spans import seal


def said(text: str, rule: str) -> str:
    """Words decided for good by `rule`: sealed, so no later rule changes them."""
    return seal("words", text, text, rule)


def _digits(group: str, rule: str) -> str:
    return seal("digits", group, spoken_digits(group), rule)


_DOCKET = kept_regex(r"(?:\b(No\.|number)\s?)?\b(\d{1,2}):(\d{2})-([a-z]{2,3})-(\d{3,6})\b")


def dockets(text: str) -> str:
    """Federal docket numbers: `1:24-cr-00392` -> `one, twenty-four, C R, three ninety-two`
    (district, year, kind of case, number)."""
    def say(m: re.Match[str]) -> str:
        rule = "dockets"
        number = said("number", rule) + " " if m[1] else ""
        return (f"{number}{said(f'{cardinal(int(m[2]))}, {cardinal(int(m[3]))},', rule)} "
                f"{letters(m[4].upper(), rule)}{said(',', rule)} {said(pairs(m[5]), rule)}")
    return _DOCKET.sub(say, text)


_DATED_CODE = kept_regex(r"\b([A-Z]{1,6})-((?:19|20)\d\d|\d\d)-(\d{3,7})\b")
_YEAR_FIRST_CODE = kept_regex(r"(?<![\w-])(\d\d)-([A-Z]{1,3})-(\d{3,7})\b")
_YEAR_MONTH_CODE = kept_regex(r"(?<![\w-])((?:19|20)\d\d)-(\d\d)-(\d{4,6})\b(?!-)")
_YEAR_COURT_CODE = kept_regex(r"(?<![\w-])(\d\d)([A-Z]{1,4})-([A-Z]{1,4})(\d{3,7})\b(?!-)")


def dated_codes(text: str) -> str:
    """Identifiers of letters, a year and a serial number, such as advisories, requests and
    court cases: `CVE-2026-31877` -> `C V E twenty twenty-six, three one eight seven seven`,
    `A-24-0917` -> `A twenty-four, oh nine one seven`, `26-CV-0412` -> `twenty-six, C V,
    oh four one two`; `2026-03-0001` -> `twenty twenty-six, oh three, oh oh oh one`; a state
    court's case, year and county then court and number: `25SL-CC04471` -> `twenty-five S L,
    C C oh four four seven one`."""
    rule = "dated codes"

    def say(m: re.Match[str]) -> str:
        when = year(int(m[2])) if len(m[2]) == 4 else cardinal(int(m[2]))
        return f"{letters(m[1], rule)} {said(when + ',', rule)} {_digits(m[3], rule)}"

    def year_first(m: re.Match[str]) -> str:
        return (f"{said(cardinal(int(m[1])) + ',', rule)} {letters(m[2], rule)}"
                f"{said(',', rule)} {_digits(m[3], rule)}")
    def year_month(m: re.Match[str]) -> str:
        return (f"{said(year(int(m[1])) + ',', rule)} {_digits(m[2], rule)}{said(',', rule)} "
                f"{_digits(m[3], rule)}")
    def year_court(m: re.Match[str]) -> str:
        return (f"{said(cardinal(int(m[1])), rule)} {letters(m[2], rule)}{said(',', rule)} "
                f"{letters(m[3], rule)} {_digits(m[4], rule)}")
    text = _YEAR_COURT_CODE.sub(year_court, _YEAR_MONTH_CODE.sub(year_month, text))
    return _YEAR_FIRST_CODE.sub(year_first, _DATED_CODE.sub(say, text))


_PERMIT = kept_regex(r"\b([A-Z]{1,4})(\d{1,3}(?=-0))?"  # OR-0029417-D, C10-0000874-LIC
                     r"-(\d{5,9}|0\d{3})-([A-Z]{1,3})\b"
                     r"|\b([A-Z]{2,5})-([A-Z]{2,5})-(\d{3,7})\b"  # DAA-VASP-0031
                     r"|\b((?:19|20)\d\d)/([A-Z]{1,4})/(\d{3,6})\b"  # 2026/EL/0193
                     # W-02113A-25-0214
                     r"|\b([A-Z]{1,3})-(0\d{2,6})([A-Z]{1,2})?((?:-\d{2,6}){1,3})\b(?!-)")


def permits(text: str) -> str:
    """Permits, licences and batches, their letters spelled and their serial numbers digit by
    digit: `OR-0029417-D` -> `O R, oh oh two nine four one seven, D`; `C10-0000874-LIC` -> `C
    ten, oh oh oh oh eight seven four, L I C`; `TV-0627-A`; `DAA-VASP-0031` -> `D A A,
    V A S P, oh oh three one`; `2026/EL/0193` -> `twenty twenty-six, E L, oh one nine
    three`; `W-02113A-25-0214` -> `W, oh two one one three A, twenty-five, oh two one
    four`."""
    rule = "permits"
    comma = said(",", rule)

    def say(m: re.Match[str]) -> str:
        if m[1]:
            number = f" {said(cardinal(int(m[2])), rule)}" if m[2] else ""  # `C10`
            return (f"{letters(m[1], rule)}{number}{comma} {_digits(m[3], rule)}{comma} "
                    f"{letters(m[4], rule)}")
        if m[5]:
            return (f"{letters(m[5], rule)}{comma} {letters(m[6], rule)}{comma} "
                    f"{_digits(m[7], rule)}")
        if m[8]:
            return (f"{said(year(int(m[8])), rule)}{comma} {letters(m[9], rule)}{comma} "
                    f"{_digits(m[10], rule)}")
        serial = _digits(m[12], rule) + (f" {letters(m[13], rule)}" if m[13] else "")
        parts = [said(cardinal(int(part)), rule) if len(part) == 2 else _digits(part, rule)
                 for part in m[14][1:].split("-")]
        return f"{comma} ".join([letters(m[11], rule), serial, *parts])
    return _PERMIT.sub(say, text)


def _runs(code: str, rule: str) -> str:
    """A code in runs: its digits one by one, its letters spelled."""
    return " ".join(_digits(run, rule) if run[0].isdigit() else letters(run.upper(), rule)
                    for run in re.findall(r"\d+|[A-Za-z]+", code))


_WALLET = kept_regex(r"\b0x([0-9a-fA-F]{2,8})(?:…|\.\.\.)([0-9a-fA-F]{2,8})\b")


def wallets(text: str) -> str:
    """A wallet address shortened to its ends: `0x3f…9a2c` -> `zero x three F, ending nine
    A two C`."""
    rule = "wallets"
    return _WALLET.sub(lambda m: f"{said('zero x', rule)} {_runs(m[1], rule)}"
                                 f"{said(', ending', rule)} {_runs(m[2], rule)}", text)


# a registry's letters and a long serial (`NCT05512345`), a catalogue number whose serial
# opens with a zero (`SPR-0117`), or a grant's or a part's code that opens with digits and
# has two runs of letters (`05A23HK1`), an inmate's or a shelter animal's number (`A567890`;
# not an amount after a currency's letter: `K500000`, `R250000`, `P150000`)
_SERIAL = kept_regex(r"\b[A-Z]{2,6}\d{6,12}\b|(?<![\w.,$-])(?![KRP]\d)[A-Z]\d{6,8}\b"
                     r"|\b[A-Z]{2,6}-0\d{2,6}\b(?!-)"
                     r"|(?<![\w.,/-])\d+[A-Z]+\d+[A-Z]+[A-Z\d]*(?![\w/-])")


_HEX_CODE = kept_regex(r"\b0x([0-9A-Fa-f]{4,16})\b")  # an error code: `0x80070643`
_NUMBER_WORD = kept_regex(r"\b([Nn]umber) (\d{5,12})\b(?![,.]\d)")  # `event number 58214`


def serials(text: str) -> str:
    """Codes of letters and long runs of digits, in runs: `NCT05512345` -> `N C T oh five
    five one two three four five`; `#A408217` -> `A four oh eight two one seven`; `SPR-0117`
    -> `S P R oh one one seven`; `event number 58214` -> `event number five eight two one
    four`; an error code `0x80070643` -> `zero x eight oh oh seven oh six four three`;
    `05A23HK1` -> `oh five A two three H K one`."""
    text = _NUMBER_WORD.sub(lambda m: f"{m[1]} {_digits(m[2], 'serials')}", text)
    text = _HEX_CODE.sub(lambda m: f"{said('zero x', 'serials')} {_runs(m[1], 'serials')}", text)
    return _SERIAL.sub(lambda m: _runs(m[0], "serials"), text)


_DOI = kept_regex(r"\b10\.(\d{4,9})/([A-Za-z0-9_.:;/-]*[A-Za-z0-9])")
_DOI_MARKS = {".": "point", "/": "slash", "-": "dash", "_": "underscore", ":": "colon",
              ";": "semicolon"}


def dois(text: str) -> str:
    """A DOI, as a reference is read out: `10.5555/ppl.126.081802` -> `ten point five five
    five five slash P P L point one two six point oh eight one eight oh two`; a word in it is
    said."""
    rule = "DOIs"

    def part(piece: str) -> str:
        if piece[0].isdigit():
            return _digits(piece, rule)
        if piece[0].isalpha():
            return letters(piece.upper(), rule) if len(piece) <= 4 else said(piece, rule)
        return said(_DOI_MARKS[piece], rule)

    def say(m: re.Match[str]) -> str:
        pieces = re.findall(r"\d+|[^\W\d_]+|\S", m[2])
        return " ".join([said("ten point", rule), _digits(m[1], rule), said("slash", rule),
                         *map(part, pieces)])
    return _DOI.sub(say, text)


_PHONE = kept_regex(r"(?<![\w$.,-])(?:(1)[-. ])?(?:\((\d{3})\)\s?|(\d{3})[-. ])(\d{3})[-. ](\d{4})"
                    r"(?![\w-])")
_LOCAL_PHONE = kept_regex(r"(?<![\w$.,/-])(\d{3})-(\d{4})(?![\w-])")
# `on 555 0147`, Singapore's `call 6555 0172`, with an area code as Mexico and Chile write
# it: `call 55 2555 0176`, or in threes as the Czechs do: `Tel. 801 555 310`
_SPACED_LOCAL = kept_regex(r"(?<![\w$.,/-])(?:(\d{2,3}) )?(\d{3,4}) (\d{3,4})(?![\w-]|[.,]\d)")
# what a local number (`555-0162`) follows: a verb of calling, or a word that leads to one
_BEFORE_PHONE = kept_regex(r"(?:\b(?:at|or|to|on|number|line|hotline|fax|(?i:phone|phoned|phoning|"
                           r"call|calls|called|calling|dial|dials|dialed|dialled|dialing|"
                           r"dialling|text|texts|texted|texting|ring|rings|ringing|tel\.?|"
                           r"telephone)|WhatsApp|"
                           r"SMS)|:)\s$")
# numbers written in groups with spaces, as Australia, New Zealand and South Africa write
# them: a trunk prefix (`0800 555 116`, `082 555 0193`) or a national one (`1800 555 307`)
_GROUPED_PHONE = kept_regex(r"(?<![\w$.,-])(0\d{1,4}|1[38]00)([ -])(\d{3,4})\2(\d{3,4})(?![\w-])")
# a British or Irish number with its trunk code in brackets: `(0131) 555 0142`
_BRACKETED_TRUNK = kept_regex(r"(?<![\w(])\((0\d{2,4})\)\s?(\d{3,4})[ -](\d{3,4})(?![\w-])")
# a number with its country's code: `+33 555 0192`, `+44 20 5550 1234`
_INTERNATIONAL = kept_regex(r"(?<![\w+])\+(\d{1,3})((?:[ .-]\(?\d{1,4}\)?){2,5})(?![\w-]|[.,]\d)")
# France's ten digits in pairs: `05 55 01 23 45`
_PAIRED_PHONE = kept_regex(r"(?<![\w+.,-])(0[1-9](?:[ .]\d\d){4})(?![\w-]|[.,]\d)")
_SHORT_PHONE = kept_regex(r"(?<=\s)13 (\d{2}) (\d{2})(?![\w-])")  # `13 55 50`
_SHORT_GROUPED = kept_regex(r"(?<=\s)(13\d) (\d{3})(?![\w,.-]|[.,]\d)")  # `132 500`


def _calls_before(text: str, at: int) -> bool:
    """Whether a verb of calling (or a word that leads to a number) ends just before `at`:
    only the few characters before are searched, so a long text costs no more per number."""
    return bool(_BEFORE_PHONE.search(text, max(0, at - 24), at))


def _phone_parts(area: str | None, exchange: str, line: str, rule: str) -> list[str]:
    parts = []
    if area:
        parts.append(said(cardinal(int(area)), rule) if area.endswith("00")
                     else _digits(area, rule))
    return [*parts, _digits(exchange, rule), _digits(line, rule)]


def _prefix(group: str, rule: str) -> str:
    """A phone number's first group: `0800` -> `oh eight hundred`, `1800` -> `one eight
    hundred`, `1300` -> `thirteen hundred`, `082` -> `oh eight two`."""
    if group == "1300":
        return said("thirteen hundred", rule)
    if group.endswith("00") and len(group) == 4:
        return said(f"{spoken_digits(group[0])} {cardinal(int(group[1:]))}", rule)
    return _digits(group, rule)


def _joined(parts: list[str]) -> str:
    return f"{said(',', 'phone numbers')} ".join(parts)


def _grouped(m: re.Match[str]) -> str:
    rule = "phone numbers"
    return _joined([_prefix(m[1], rule), _digits(m[3], rule), _digits(m[4], rule)])


def _international(m: re.Match[str]) -> str:
    rule = "phone numbers"
    groups = re.findall(r"\d+", m[2])
    return said("plus", rule) + " " + _joined([_digits(g, rule) for g in (m[1], *groups)])


def _paired(m: re.Match[str]) -> str:
    pairs = re.findall(r"\d\d", m[1])
    return _joined([_digits(p, "phone numbers") if p[0] == "0"
                    else said(cardinal(int(p)), "phone numbers") for p in pairs])


def phone_numbers(text: str) -> str:
    """`1-800-555-0199` -> `one, eight hundred, five five five, oh one nine nine`;
    `(503) 555-0110` -> `five oh three, ...`; `call 555-0162`, `on 555 0147`, `by calling
    555-0129` and `555-0158` (no range ends in `0158`) -> `five five five, ...`; `0800 555
    116` -> `oh eight hundred, five five five, one one six`; `0917-555-0188` and `06 555 0249`
    and `call 55 2555 0176` and `(0131) 555 0142` digit by digit in their groups, and `+33
    555 0192` -> `plus three three, five five five, oh one nine two`; `ring 13 55 50` ->
    `thirteen fifty-five fifty`; `call 132 500` -> `one three two, five oh oh`; `05 55 01 23
    45` in pairs -> `oh five, fifty-five, oh one, twenty-three, forty-five`."""
    def say(m: re.Match[str]) -> str:
        parts = _phone_parts(m[2] or m[3], m[4], m[5], "phone numbers")
        if m[1]:
            parts.insert(0, said("one", "phone numbers"))
        return _joined(parts)

    def local(m: re.Match[str]) -> str:
        if not (m[2].startswith("0") or _calls_before(text, m.start())):
            return m[0]
        return _joined(_phone_parts(None, m[1], m[2], "phone numbers"))

    def spaced(m: re.Match[str]) -> str:
        if not _calls_before(text, m.start()):
            return m[0]
        area = [_digits(m[1], "phone numbers")] if m[1] else []
        return _joined([*area, *_phone_parts(None, m[2], m[3], "phone numbers")])

    text = _INTERNATIONAL.sub(_international, text)
    text = _PAIRED_PHONE.sub(_paired, text)
    text = _BRACKETED_TRUNK.sub(lambda m: _joined([_digits(g, "phone numbers")
                                                   for g in m.groups()]), text)
    text = _GROUPED_PHONE.sub(_grouped, _PHONE.sub(say, text))
    text = _SHORT_PHONE.sub(lambda m: _short_phone(text, m), text)
    text = _SHORT_GROUPED.sub(lambda m: _short_phone(text, m, True), text)
    text = _SPACED_LOCAL.sub(spaced, text)
    return _LOCAL_PHONE.sub(local, text)


def _short_phone(text: str, m: re.Match[str], grouped: bool = False) -> str:
    """An Australian six-digit number after a verb of calling, as it is written: in pairs
    (`13 55 50`) or in two groups of three digits one by one (`132 500`)."""
    if not _calls_before(text, m.start()):
        return m[0]
    if grouped:
        return _joined([_digits(m[1], "phone numbers"), _digits(m[2], "phone numbers")])
    return said(f"thirteen {cardinal(int(m[1]))} {cardinal(int(m[2]))}", "phone numbers")


_SERVICE = kept_regex(r"(?<![\w$£€.,/-])(911|999|112|111|101|988|[2-8]11)(?![\w%/-]|[.,]\d)")
_CALLING = kept_regex(r"\b(?:call|calls|called|calling|dial|dialed|dialled|dialing|dialling|ring|"
                      r"rang|text|texted|texting|phone|phoned|NHS|Police|police)\s+$")
_SERVICE_WORD = kept_regex(r"\s*(?:calls?|callers?|service|services|lines?|dispatch|dispatchers?|"
                           r"operators?|systems?|cent(?:er|re)s?|outages?|emergency|app|number|"
                           r"hotline)\b")
_COUNTED_AFTER = kept_regex(r"\s+[a-z]+s\b")


def _is_service(text: str, m: re.Match[str]) -> bool:
    before, after = text[max(0, m.start() - 24):m.start()], text[m.end():m.end() + 40]
    if _CALLING.search(before) or _SERVICE_WORD.match(after):
        return True
    return m[1] == "911" and not before.endswith("Porsche ") and not _COUNTED_AFTER.match(after)


def service_numbers(text: str) -> str:
    """Emergency and service numbers are said digit by digit: `call 911` -> `call nine one
    one`; `NHS 111` -> `N H S one one one`; `the 311 line` -> `the three one one line`; a
    count stays one: `311 people` -> `three hundred eleven people`."""
    def say(m: re.Match[str]) -> str:
        return _digits(m[1], "service numbers") if _is_service(text, m) else m[0]
    return _SERVICE.sub(say, text)


_ISBN = kept_regex(r"\b(ISBN(?:-1[03])?):?\s?((?:\d{1,7}[-\s]){3,4}[\dX]|97[89]\d{10}|\d{9}[\dX])"
                   r"\b")


def isbns(text: str) -> str:
    """`ISBN 978-1-80351-447-2` -> `I S B N nine seven eight, one, eight oh three five one, four
    four seven, two`: each group digit by digit."""
    def say(m: re.Match[str]) -> str:
        groups = re.split(r"[-\s]", m[2])
        spoken = [_digits(g, "ISBNs") if g != "X" else letters("X", "ISBNs") for g in groups]
        return f"{letters('ISBN', 'ISBNs')} " + f"{said(',', 'ISBNs')} ".join(spoken)
    return _ISBN.sub(say, text)


_GRID = kept_regex(r"\b([HNOST][A-HJ-Z]) ?(\d{2,5}) (\d{2,5})\b(?![.,]\d)")


def grid_references(text: str) -> str:
    """A British or Irish map reference, as walkers and birders read it: `SU 418 273` -> `S U
    four one eight, two seven three` (eastings and northings of the same length)."""
    def say(m: re.Match[str]) -> str:
        if len(m[2]) != len(m[3]):
            return m[0]
        return (f"{letters(m[1], 'grid references')} {_digits(m[2], 'grid references')}"
                f"{said(',', 'grid references')} {_digits(m[3], 'grid references')}")
    return _GRID.sub(say, text)


_REGULATION = kept_regex(r"\b(\d{1,2}) (?:CFR|C\.F\.R\.) (§+\s*|[Pp]art )?(\d{1,4})(?:\.(\d{1,4}))?"
                         r"(?![\w.]|\.\d)")


def regulations(text: str) -> str:
    """The US federal regulations by title, part and section: `29 CFR 1910.147` -> `twenty-nine
    C F R nineteen ten point one forty-seven`; `40 CFR Part 60` -> `forty C F R part sixty`;
    a state's statutes: `ORS 164.055` -> `O R S one sixty-four point zero five five`."""
    def say(m: re.Match[str]) -> str:
        lead = m[2] or ""
        named = "section " if lead.startswith("§") else "part " if lead else ""
        section = f" point {pairs(m[4])}" if m[4] else ""
        return (f"{said(cardinal(int(m[1])), 'regulations')} {letters('CFR', 'regulations')} "
                f"{said(named + pairs(m[3]) + section, 'regulations')}")

    def statute(m: re.Match[str]) -> str:
        chapter = pairs(m[2]) + (f" {m[3]}" if m[3] else "")  # RCW `9A`
        sections = "".join(f" point {spoken_digits(s)}" for s in (m[4], m[5]) if s)
        return f"{letters(m[1], 'regulations')} {said(chapter + sections, 'regulations')}"
    return _STATUTE.sub(statute, _REGULATION.sub(say, text))


# a state's statute by chapter and section, in pairs as lawyers say them: `ORS 164.055`
_STATUTE = kept_regex(r"\b(ORS|RCW|NRS|ARS|KRS|MCL|RSA|NMSA|OCGA|ORC)\s(\d{1,3})([A-Z]?)\.(\d{2,4})"
                      r"(?:\.(\d{2,4}))?(?![\w.]|\.\d)")


_BILL = kept_regex(r"\b(H\.\s?R\.|H\.\s?B\.|S\.\s?B\.|A\.\s?B\.|HR|HB|SB|AB|SF|HF|LB|HJR|SJR"
                   r"|HCR|SCR|(?<![\w.])S\.(?=\s\d{3}))\s?(?!0)(\d{1,5})\b(?![.,]\d)")


_UN_RESOLUTION = kept_regex(r"(?<![\w/])([AES])/RES/(\d{1,5})(?:/(\d{1,4}))?(?![\w/])")
# a Kansas school district by its number, not dollars: `USD 318, the Corlan school district`
_SCHOOL_DISTRICT = kept_regex(
    r"\bUSD (\d{3})\b(?=['’]s\b|,? (?:the |a )?[A-Z][\w'’ ]{0,30}(?:school district|district)\b"
    r"| (?:school|district|board|superintendent|students|teachers|schools)\b)")


def bills(text: str) -> str:
    """Bill numbers: `HR 4127` -> `H R forty-one twenty-seven`; `S. 1190` -> `S eleven
    ninety`; `SB 214` -> `S B two fourteen`; a UN resolution's symbol: `S/RES/2334` -> `S res
    twenty-three thirty-four`, `A/RES/76/2` -> `A res seventy-six slash two`; a school district's:
    `USD 318's board` -> `U S D three eighteen's board`."""
    def say(m: re.Match[str]) -> str:
        code = re.sub(r"[.\s]", "", m[1])
        return f"{letters(code, 'bills')} {said(pairs(m[2]), 'bills')}"

    def resolution(m: re.Match[str]) -> str:
        session = f" slash {pairs(m[3])}" if m[3] else ""
        return f"{letters(m[1], 'bills')} {said(f'res {pairs(m[2])}{session}', 'bills')}"
    text = _SCHOOL_DISTRICT.sub(
        lambda m: f"{letters('USD', 'bills')} {said(pairs(m[1]), 'bills')}", text)
    return _BILL.sub(say, _UN_RESOLUTION.sub(resolution, text))


# a number with a dash that names something: after a word that names things by number, or
# with a second part smaller than the first that is no year's range (`8110-3`, not `1995-8`)
# a form or a publication by its number (`Form 1040-SR`, `Pub. 501`), said in pairs
_FORM = kept_regex(r"\b((?:Forms?|[Ss]chedule|Publication|Pub\.) )?(?<![\w.,$€£/-])([1-9]\d{2,3})"
                   r"(?:-([A-Z]{1,3}))?\b(?![-/,.]\d|-)")
_NAMED_CODE = kept_regex(r"\b(Bill|Form|Docket|Claim|Permit|Ordinance|Resolution|Section|Sec\.|"
                         r"Chapter) (\d{1,5})-(?!0)(\d{1,4})(?:\.(\d{1,4}))?(?![\w%-]|[.,]\d)")
_BARE_CODE = kept_regex(r"(?<![\w.,$€£/:-])(?!(?:19|20)\d\d-)([1-9]\d{3,5})-(?!1\b)(\d{1,3})"
                        r"(?![\w%/:-]|[.,]\d)")


def forms(text: str) -> str:
    """Tax and government forms by number, with letters after a dash or named: `Form 1040-SR`
    -> `Form ten forty S R`; `1099-B` -> `ten ninety-nine B`; `Pub. 501` -> `Publication five
    oh one`."""
    def say(m: re.Match[str]) -> str:
        if not (m[1] or m[3]):
            return m[0]
        named = (m[1] or "").replace("Pub.", "Publication")
        after = ""
        if m[3]:  # `-SR` spelled, `737-MAX` said as a word
            after = f" {m[3]}" if m[3] in v.ACRONYM_WORDS else f" {letters(m[3], 'forms')}"
        return f"{named}{said(pairs(m[2]), 'forms')}{after}"
    return _FORM.sub(say, text)


# a section of a code: the FDA Food Code's `3-501.16`, a regulator's `rule 12-4.210`
_SECTION_CODE = kept_regex(r"(?<![\w.,-])(\d{1,2})-(\d{3}|(?<=[Rr]ule \d\d-)\d{1,2}"
                           r"|(?<=[Rr]ule \d-)\d{1,2})\.(\d{1,3})(?![\d.-])")


def numbered_codes(text: str) -> str:
    """`Bill 112-2` -> `Bill one twelve dash two`; `Section 17-4.2` -> `Section seventeen
    dash four point two`; `form 8110-3` -> `eighty-one ten dash
    three`; a code's section `3-501.16` -> `three, five oh one point one six`; a range and
    odds stay what they are (`1995-8`, `1200-1500`, `1000-1`)."""
    def code(left: str, right: str) -> str:
        return said(f"{pairs(left)} dash {pairs(right)}", "codes")

    text = _SECTION_CODE.sub(lambda m: said(f"{cardinal(int(m[1]))}, {pairs(m[2])} point "
                                            f"{spoken_digits(m[3])}", "codes"), text)
    text = _NAMED_CODE.sub(lambda m: f"{m[1]} {code(m[2], m[3])}" + (
        f" {said(f'point {spoken_digits(m[4])}', 'codes')}" if m[4] else ""), text)
    return _BARE_CODE.sub(lambda m: code(m[1], m[2]), text)


_SIDES = {"L": "left", "R": "right", "C": "center"}
# a runway by its heading and side: `09L`, `27R`, alone after "runway" or in a pair `09L/27R`
_RUNWAY = kept_regex(r"(?<![\w/])(?:(?<=[Rr]unway )|(?<=[Rr]unways )|(?=\d{2}[LRC]/\d{2}[LRC]\b))"
                     r"([0-3]?\d)([LRC])(?:/([0-3]\d)([LRC]))?(?![\w/])")
_AVIATION_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def runways(text: str) -> str:
    """`Runway 09L/27R` -> `Runway zero nine left, two seven right`: each digit, then the
    side (`C`: center), as pilots and controllers say them."""
    def end(number: str, side: str) -> str:
        spoken = " ".join(_AVIATION_DIGITS[int(d)] for d in number)
        return f"{spoken} {_SIDES[side]}"

    def say(m: re.Match[str]) -> str:
        ends = [end(m[1], m[2])] + ([end(m[3], m[4])] if m[3] else [])
        return said(", ".join(ends), "runways")
    return _RUNWAY.sub(say, text)


_INTERSTATE = kept_regex(r"\b(?:(I|US|U\.S\.)[- ]|(SR|SH)[- ]?)(\d{1,3})\b")
_ROAD_NAMES = {"SR": "State Route", "SH": "State Highway"}
_ROUTE = kept_regex(r"\b(Route|Highway|Hwy\.|Interstate|Road)\s(\d{3})\b")
# a motorway's junction (`J14`), in a sentence about roads
_JUNCTION = kept_regex(r"\bJ(\d{1,2})([a-z]?)\b")
_ROADS = kept_regex(r"\b(?:motorway|carriageway|junctions?|slip road|stretch|lanes?|traffic|"
                    r"closure|exit|M\d{1,3})\b|\bJ\d{1,2}\b.*\bJ\d{1,2}\b")


def _junction(m: re.Match[str]) -> str:
    side = f" {letters(m[2].upper(), 'highways')}" if m[2] else ""
    return said(f"junction {cardinal(int(m[1]))}", "highways") + side


def highways(text: str) -> str:
    """`I-95` -> `I ninety-five`; `I-280` -> `I two eighty`; `U.S. 101` -> `U S one oh one`;
    `Highway 101` -> `Highway one oh one`; `SR-87` and New Zealand's `SH2` -> `State Route
    eighty-seven`, `State Highway two`; in a sentence about roads `J14` -> `junction
    fourteen`."""
    def road(m: re.Match[str]) -> str:
        name = (said(_ROAD_NAMES[m[2]], "highways") if m[2]
                else letters(m[1], "highways"))
        return f"{name} {said(pairs(m[3]), 'highways')}"
    text = _INTERSTATE.sub(road, text)
    if _ROADS.search(text):
        text = _JUNCTION.sub(_junction, text)
    return _ROUTE.sub(lambda m: f"{m[1]} {said(pairs(m[2]), 'highways')}", text)


def retirement_plans(text: str) -> str:
    """`401(k)` -> `four oh one K`; `403(b)s` -> `four oh three B's`."""
    def say(m: re.Match[str]) -> str:
        plural = "'s" if m[3] else ""
        rule = "retirement plans"
        return f"{said(pairs(m[1]), rule)} {letters(m[2].upper(), rule)}{plural}"
    return re.sub(r"\b(\d{3})\(([a-z])\)(s?)(?!\w)", say, text)


def strains(text: str) -> str:
    """Virus strains and other letter-digit codes: `H1N1` -> `H one N one`."""
    def say(m: re.Match[str]) -> str:
        parts = re.findall(r"([A-Z])(\d{1,2})", m[0])
        return " ".join(f"{letters(a, 'strains')} {said(cardinal(int(n)), 'strains')}"
                        for a, n in parts)
    return re.sub(r"\b(?:[A-Z]\d{1,2}){2,}\b", say, text)


_MIXED_CODE = kept_regex(r"\b(?=[A-Za-z]*[A-Z])([A-Za-z]{1,4})(\d{1,2})([A-Za-z]{1,3})\b")


def mixed_codes(text: str) -> str:
    """Codes with a digit between letters are spelled, the digit said: `HbA1c` -> `H B A one
    C`; `B2B` -> `B two B`: all in capitals, or capitals and small letters before the digit.
    A plural is no letter of the code (`the MP3s`), nor a scale or unit (`R38m`, `10km`)."""
    def say(m: re.Match[str]) -> str:
        upper = (m[1] + m[3]).isupper()
        if m[3] in ("s", "es") or not (upper or (m[1].lower() != m[1] != m[1].upper())):
            return m[0]
        rule = "mixed codes"
        return (f"{letters(m[1].upper(), rule)} {said(cardinal(int(m[2])), rule)} "
                f"{letters(m[3].upper(), rule)}")
    return _MIXED_CODE.sub(say, text)


_ZERO_LED = kept_regex(r"(?<![\w.,$€£¥-])(?:(\d{1,6})-(?=0\d{2})|(?=0\d{4})|(?=0\d{2,3}-\d{2})"
                       r"|(?:(?<=Runway )|(?<=Gate )|(?<=Platform )|(?<=Pier )|(?<=Berth )"
                       r"|(?<=Track )|(?<=Stand )|(?<=Hangar )|(?<=Dock ))(?=0\d\b))(0\d+)"
                       r"(?:-(\d{1,6})(?![\w:-]))?(?![\w:]|[.,]\d)")


def zero_led(text: str) -> str:
    """A long number with a leading zero is a code, read digit by digit, and so are the
    second part of a case number and a runway's or a gate's number: `Incident 27-018843` ->
    `Incident twenty-seven, oh one eight eight four three`, `case 24-0917` -> `case
    twenty-four, oh nine one seven`, `docket 05000-123` -> `docket oh five oh oh oh, one two
    three`, `Runway 06` -> `Runway zero six` (as pilots say it)."""
    def say(m: re.Match[str]) -> str:
        if len(m[2]) == 2 and not m[3]:  # a runway's or a gate's
            return seal("digits", m[2], f"zero {spoken_digits(m[2][1])}", "zero-led numbers")
        after = f", {_digits(m[3], 'zero-led numbers')}" if m[3] else ""  # a docket's `-123`
        return (f"{m[1]}, " if m[1] else "") + _digits(m[2], "zero-led numbers") + after
    return _ZERO_LED.sub(say, text)


_RESOLUTION = kept_regex(r"\b(480|576|720|1080|1440|2160|4320)([pi])\b")


def resolutions(text: str) -> str:
    """Video resolutions: `1080p` -> `ten eighty P`; `720p` -> `seven twenty P`."""
    return _RESOLUTION.sub(lambda m: f"{said(pairs(m[1]), 'resolutions')} "
                                      f"{letters(m[2].upper(), 'resolutions')}", text)


def event_dates(text: str) -> str:
    """Dates that name an event: `9/11` -> `nine eleven`; `24/7` -> `twenty-four seven`."""
    pattern = "|".join(re.escape(k) for k in v.EVENT_DATES)
    return re.sub(rf"(?<![\d/])(?:{pattern})(?![\d/])",
                  lambda m: said(v.EVENT_DATES[m[0]], "event dates"), text)


_EXCHANGES = ("NYSE American", "NYSE", "Nasdaq", "NASDAQ", "Amex", "AMEX", "LSE", "LON", "TSX",
              "TSXV", "ASX", "HKEX", "SGX", "NSE", "BSE", "OTC", "OTCQX", "Euronext", "Xetra",
              "JSE", "NZX", "TYO", "NSX", "CSE", "SIX", "KRX", "TWSE", "SSE", "SZSE", "BMV", "TASE",
              "NGX", "EGX", "DSE")
_TICKER = kept_regex(rf"\b((?:{'|'.join(_EXCHANGES)})\s?:\s?|[Tt]icker(?: symbol)?:?\s)"
                     r"([A-Z]{1,5})(?:\.([A-Z]{1,2}))?\b")


def tickers(text: str) -> str:
    """A stock ticker after its exchange is spelled, even one that looks like a word:
    `(NYSE: ANDR)` -> `(NYSE: A N D R)`; `under the ticker SOAR` -> `… S O A R`."""
    def say(m: re.Match[str]) -> str:
        share = f" {letters(m[3], 'tickers')}" if m[3] else ""
        return f"{m[1]}{letters(m[2], 'tickers')}{share}"
    return _TICKER.sub(say, text)


_VERSION = kept_regex(r"\b(?:([Vv]ersion|[Vv]er\.)\s|(v)(?=\d))(\d{1,4}(?:\.\d{1,4}){1,3})\b"
                      r"(?!\.\d)|(?<![\w.])(\d{1,3}(?:\.\d{1,3}){2,3}|(?:1[89]|20)\d\d(?:\.\d{1,3}){2,3})"
                      r"(?!\w|\.\d)")


def _version_part(part: str) -> str:
    if len(part) == 4:  # a museum's accession number starts with its year: `2026.1.4`
        return year(int(part))
    if part == "0":
        return "oh"
    return spoken_digits(part) if part.startswith("0") else cardinal(int(part))


def _is_address(number: str) -> bool:
    """Four numbers of 0-255, the first of two digits or more, none with a leading zero: an
    IP address (`192.168.50.1`), not a version (`1.0.9.44`, `124.0.6367.91`)."""
    parts = number.split(".")
    return (len(parts) == 4 and len(parts[0]) > 1
            and all(int(p) <= 255 and (p == "0" or not p.startswith("0")) for p in parts))


def versions(text: str) -> str:
    """Software versions, each part a number: `version 3.14.1` -> `version three point
    fourteen point one`; `v2.0` -> `version two point oh`; three parts or more are a
    version without the word (`3.14.1`); `version 3.14` is not three point one four. An IP
    address is read by its dots: `192.168.50.1` -> `one ninety-two dot one sixty-eight dot
    fifty dot one`. A museum's accession number starts with a year: `2026.1.4` -> `twenty
    twenty-six point one point four`."""
    def say(m: re.Match[str]) -> str:
        word = m[1] or ("version" if m[2] else "")
        number = m[3] or m[4]
        if m[4] and _is_address(number):
            return said(" dot ".join(pairs(p) for p in number.split(".")), "IP addresses")
        spoken = " point ".join(_version_part(p) for p in number.split("."))
        return f"{word} {said(spoken, 'versions')}".strip() if word else said(spoken,
                                                                             "versions")
    return _VERSION.sub(say, text)


_AIRCRAFT = kept_regex(r"\b(\d{3})(?=\s(?:MAX|NG|Dreamliner)\b)"
                       r"|(?:(?<=Boeing )|(?<=Airbus )|(?<=Embraer ))(\d{3})\b")
# not an amount with thousands or decimals after a currency letter: `K500,000`, `P1.5`
_MODEL = kept_regex(r"\b([A-Z]{1,2})(\d{3,4})(?:-(\d{2,3}))?(s?)\b(?![,.]\d)")


def models(text: str) -> str:
    """Aircraft, product and flight numbers: `737 MAX` -> `seven thirty-seven MAX`;
    `A320-200s` -> `A three twenty two hundreds`; `flight SV2218` -> `flight S V twenty-two
    eighteen`."""
    def model(m: re.Match[str]) -> str:
        spoken = pairs(m[2]) + (f" {pairs(m[3])}" if m[3] else "") + m[4]
        return f"{letters(m[1], 'models')} {said(spoken, 'models')}"
    text = _AIRCRAFT.sub(lambda m: said(pairs(m[1] or m[2]), "models"), text)
    return _MODEL.sub(model, text)
