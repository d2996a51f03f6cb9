"""News text as a newsreader says it: one case per line, written -> spoken."""

from __future__ import annotations

import pytest

from audiocast.narration.normalize import normalize
from audiocast.narration.segment import sentences

CASES = [
    # datelines
    ("BELGRADE, Serbia (CN) — Thousands marched.", "Belgrade, Serbia. Thousands marched."),
    ("WASHINGTON (AP) — The Fed raised rates.", "Washington. The Fed raised rates."),
    ("ATLANTA, Ga. (AP) — Voters lined up.", "Atlanta, Georgia. Voters lined up."),
    ("TARROW, Wis.", "Tarrow, Wisconsin."),  # a dateline on a line of its own
    ("Kestrel, Mar 3 (HNS) The port reopened.", "Kestrel. The port reopened."),
    ("FRIDAY, March 6, 2026 (Harbor Health Wire) -- Sleep matters.",
     "Friday, March sixth, twenty twenty-six. Sleep matters."),  # a day for a place
    # cardinals, ranges, decimals, negatives
    ("an estimated 150,000 to 200,000 Russians",
     "an estimated one hundred fifty thousand to two hundred thousand Russians"),
    ("The rate is 3.2 now", "The rate is three point two now"),
    ("It fell to -3 overnight", "It fell to minus three overnight"),
    ("a 51-49 vote", "a fifty-one to forty-nine vote"),
    ("voted 14-8 on Tuesday", "voted fourteen to eight on Tuesday"),
    ("in a 2-1 opinion", "in a two to one opinion"),
    # years, decades, dates, times
    ("in 2023", "in twenty twenty-three"),
    ("in 2007", "in two thousand seven"),
    ("since 2000", "since two thousand"),
    ("the late 1990s", "the late nineteen nineties"),
    ("back in the '90s", "back in the nineties"),
    ("on Jan. 5, 2024", "on January fifth, twenty twenty-four"),
    ("on Sept. 29", "on September twenty-ninth"),
    ("by Oct. 27, 2023", "by October twenty-seventh, twenty twenty-three"),
    ("until Feb. 15", "until February fifteenth"),
    ("at 10:30 a.m. sharp", "at ten thirty a m sharp"),
    ("at 3:30 p.m.", "at three thirty p m."),
    ("at 6:05 a.m. daily", "at six oh five a m daily"),
    ("by 9 p.m. tonight", "by nine p m tonight"),
    ("at noon", "at noon"),
    # ordinals, fractions, percentages
    ("the 11th hike", "the eleventh hike"),
    ("the 24th and 21st", "the twenty-fourth and twenty-first"),
    ("the 5th U.S. Circuit", "the fifth U S Circuit"),
    ("a 4½-hour wait", "a four and a half-hour wait"),
    ("about 1/2 of them", "about one half of them"),
    ("two-thirds, or 2/3", "two-thirds, or two thirds"),
    ("rose 14%", "rose fourteen percent"),
    ("a 5.25%-5.5% range", "a five point two five to five point five percent range"),
    ("0.25 percentage points", "zero point two five percentage points"),
    # money
    ("a $4.5 billion plan", "a four point five billion dollar plan"),
    ("$1 million was raised", "one million dollars was raised"),
    ("it costs $2.5 million to build", "it costs two point five million dollars to build"),
    ("a field price of $1.05/lb.", "a field price of one dollar and five cents per pound."),
    ("green leaf at €2.50/kg and $12/hr", "green leaf at two euros and fifty cents per kilogram"
     " and twelve dollars per hour"),
    ("€3.2 million ($3.5 million)",
     "three point two million euros (three point five million dollars)"),
    ("€1,250,000 in fines", "one million two hundred fifty thousand euros in fines"),
    ("£3.20 a pint", "three pounds and twenty pence a pint"),
    ("$35 a month", "thirty-five dollars a month"),
    ("$4.50 each", "four dollars and fifty cents each"),
    ("a $65,000 gift", "a sixty-five thousand dollar gift"),
    # ages and measures
    ("his 3-year-old son", "his three-year-old son"),
    ("17 pounds of luggage", "seventeen pounds of luggage"),
    ("12,500 acre-feet", "twelve thousand five hundred acre-feet"),
    ("at 60 mph", "at sixty miles per hour"),
    # titles, abbreviations, case names
    ("Sen. Amy Klobuchar (D-Minn.) said", "Senator Amy Klobuchar, Democrat of Minnesota, said"),
    ("Rep. Tony Gonzales, R-Texas, said",
     "Representative Tony Gonzales, Republican of Texas, said"),
    ("Gov. Ann Lee and Lt. Gov. Sam Ito", "Governor Ann Lee and Lieutenant Governor Sam Ito"),
    ("Dr. Ana Brnabic", "Doctor Ana Brnabic"),
    ("on Martin Luther King Dr.", "on Martin Luther King Drive."),
    ("St. Louis", "Saint Louis"),
    ("on Main St. downtown", "on Main Street downtown"),
    ("Mt. Rainier and Gen. Milley", "Mount Rainier and General Milley"),
    ("Martin Luther King Jr. Day", "Martin Luther King Junior Day"),
    ("holds a Ph.D. in physics", "holds a P H D in physics"),
    ("the U.S. Senate and the U.K.", "the U S Senate and the U K."),
    ("in case No. 22-15873", "in case number twenty-two, one five eight seven three"),
    ("Smith et al. v. Jones", "Smith and others versus Jones"),
    ("fruit, e.g. apples", "fruit, for example apples"),
    ("Ali vs. Frazier", "Ali versus Frazier"),
    ("in Lansing, Mich., and Fresno, Calif.", "in Lansing, Michigan, and Fresno, California."),
    ("World War II", "World War two"),
    ("Henry VIII", "Henry the eighth"),
    # acronyms
    ("NATO and the FBI", "Nato and the F B I"),
    ("the CBO report", "the C B O report"),
    ("COVID-19 cases", "Covid nineteen cases"),
    ("an F-35 jet", "an F thirty-five jet"),
    ("Team GER-1 won", "Team G E R one won"),  # a nation's code and its entry, no word
    ("the G7 summit", "the G seven summit"),
    ("three CEOs", "three C E O's"),
    # a headline in capitals: its short words are words, though the word list lacks them
    ("COOPERATIVE HAS 400 TONNES OF HAY", "Cooperative has four hundred Tonnes of hay"),
    ("NEW APP AND BOX OFFICE", "new app and box office"),
    ("THE CO-OP WILL BUY WI-FI", "the co-op will buy wi-fi"),
    ("an OB-GYN clinic", "an O B-G Y N clinic"),
    # symbols, addresses, markup, typography
    ("Q&A", "Q and A"),
    ("and/or", "and or"),
    ("see https://www.example.com/a?b=1 now", "see example dot com now"),
    ("write to tips@news.example.org today", "write to tips at news dot example dot org today"),
    ("Vote <b>today</b> 🗳️!", "Vote today!"),
    ("“quoted” and ‘single’", "\"quoted\" and 'single'"),
    ("war — and peace", "war, and peace"),
    ("pages 5–7", "pages five to seven"),
]


@pytest.mark.parametrize("written, spoken", CASES, ids=[c[0] for c in CASES])
def test_news_text_is_said_as_a_newsreader_would(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


@pytest.mark.parametrize("text, expected", [
    ("Acme Inc. USA is growing.", 1),
    ("He works for the U.S. Government today.", 1),
    ("It happened in the U.S. The next day it rained.", 2),
    ("The branch closes at 6 p.m. on Fridays.", 1),
    ("We meet at 6 p.m. Monday.", 1),
    ("The call is at 10 a.m. ET; dial in early.", 1),
    ("The branch closes at 6 p.m. Raman said so.", 2),
    ("No. He did not. No. 3 did.", 3),
    ("They won the Div. II title. See Vol. IV, Sec. I-A.", 2),
    ("No. I did not. I asked Art. It was late.", 4),
    ("Pay $4.50 now. Or later.", 2),
    ("It was 98.6 degrees. Hot.", 2),
])
def test_sentences_survive_abbreviations(text: str, expected: int) -> None:
    assert len(sentences(text)) == expected, sentences(text)


def test_other_languages_get_only_language_neutral_rules() -> None:
    assert normalize("PARIS (AFP) — Il a payé 3,5 € à 10h30.", "fr") == (
        "Paris. Il a payé 3,5 € à 10h30.")
