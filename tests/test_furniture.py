"""Furniture rules, table-driven from their own examples in furniture.toml: each rule drops
what it names and keeps the news beside it; the show can add, disable and choose."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from audiocast.ingest.extract import fragment_paragraphs
from audiocast.model import Article, DropRule
from audiocast.narration.clean import NEWSLETTER, Profile, builtin, read
from audiocast.sources import read_article

EXAMPLED = builtin(examples=True).rules  # the built-in rules with their examples
RULES = [r for r in EXAMPLED if not r.keep]


NEWS = ("The council met on Monday.", "It adjourned at noon.")


def _read(*paragraphs: str, profile: Profile = NEWSLETTER):
    return read(Article(Path("a.md"), "A headline of some length", paragraphs), profile)


def _placed(rule, example: str, drops: bool = False) -> list[tuple[str, ...]]:
    """The example where the rule looks: between news, or before it or after it (`at`);
    a heading that names what follows (`names_next`) over a paragraph that begins so."""
    if rule.names_next and drops:
        return [(NEWS[0], example, f"{example.removeprefix('About ')} is a volunteer group.")]
    if rule.items and drops:  # over what it lists: a poll's options, a contents' headlines
        listed = ("👍 Yes", "Bakery opens on Main Street")
        return [(NEWS[0], example, item, NEWS[1]) for item in listed if rule.items.search(item)]
    head, tail = (example, *NEWS), (*NEWS, example)
    return {"head": [head], "tail": [tail], "edges": [head, tail]}.get(
        rule.at, [(NEWS[0], example, NEWS[1])])


def test_every_rule_has_examples_both_ways() -> None:
    for rule in EXAMPLED:
        assert rule.keeps, rule.name
        assert rule.drops or rule.keep, rule.name
    assert len({r.name for r in EXAMPLED}) == len(EXAMPLED)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_drops_its_examples(rule) -> None:
    for example in rule.drops:
        for paragraphs in _placed(rule, example, drops=True):
            reading = _read(*paragraphs)
            assert example not in reading.kept, (rule.name, example)
            reasons = [d.reason for d in reading.dropped if d.text == example]
            assert reasons and rule.name in reasons[0], (rule.name, example, reasons)


@pytest.mark.parametrize("rule", EXAMPLED, ids=[r.name for r in EXAMPLED])
def test_news_beside_each_rule_is_kept(rule) -> None:
    for example in rule.keeps:
        for paragraphs in _placed(rule, example):
            reading = _read(*paragraphs)
            assert example in reading.kept, (rule.name, example, reading.dropped)


def test_a_caption_needs_a_credit_not_just_a_parenthesis() -> None:
    news = "The court ruled 6-3. (Justices Marchbank and Strand dissented)"
    caption = "Justice Amsel speaks on Thursday. (Aurelio Brandt/Docket Street News)"
    reading = _read(news, caption)
    assert reading.kept == [news]
    assert reading.dropped[0].reason.startswith("caption")


def test_related_heading_drops_the_list_under_it_and_no_more() -> None:
    reading = _read("The board voted 7-2.", "RELATED COVERAGE",
                    "Merchants say bus lanes would cost them customers",
                    "U.S. transit tax passes with 61% of the vote",
                    "Who pays for the new bus lanes?",
                    "Staff members said they would study the plan.")
    assert reading.kept == ["The board voted 7-2.", "Staff members said they would study the plan."]
    assert [d.reason for d in reading.dropped][1:] == ["related (listed under related-heading)"] * 3


def test_a_related_heading_on_a_line_of_its_own_takes_the_headlines_under_it() -> None:
    lines = ("RELATED", "Ōtaua families still wait on buyout offers",
             "Councils push back on a rates cap")
    under_news = ("Crews will start in May.", "RELATED",
                  "Ōtaua families still wait on buyout offers")
    paragraphs = ("The board voted 7-2.", " ".join(lines), " ".join(under_news),
                  "Staff said they would study the plan.")
    reading = read(Article(Path("a.md"), "A headline of some length", paragraphs,
                           lines=((1, lines), (2, under_news))))
    assert reading.kept == ["The board voted 7-2.", "Crews will start in May. RELATED Ōtaua "
                            "families still wait on buyout offers",
                            "Staff said they would study the plan."]
    assert [d.reason for d in reading.dropped] == [
        "related (related-heading), a line of its own",
        *["related (listed under related-heading)"] * 2]


def test_a_heading_in_capitals_under_a_list_ends_it() -> None:
    reading = _read("The rules are:", "Rents rise at most 3% a year.", "Tenants may complain.",
                    "WHAT COMES NEXT", "The law starts in July.")
    assert "WHAT COMES NEXT" not in reading.kept
    under_its_lead = _read("Roads closed on Monday:", "MAIN STREET", "HIGH STREET",
                           "The works end in May.")
    assert under_its_lead.kept[1:3] == ["MAIN STREET", "HIGH STREET"]


def test_subheads_are_a_pause_by_default_or_read_or_dropped() -> None:
    paragraphs = ("The ferry ran aground.", "CREW HAD WARNED OF SHIFTING SAND",
                  "Inspectors had been told.")
    paused = _read(*paragraphs)
    assert paused.kept == ["The ferry ran aground.", "Inspectors had been told."]
    assert paused.breaks == {1} and "a pause" in paused.dropped[0].reason
    read_aloud = _read(*paragraphs, profile=Profile(NEWSLETTER.rules, "read"))
    assert read_aloud.kept == list(paragraphs) and read_aloud.subheads == {1}
    dropped = _read(*paragraphs, profile=Profile(NEWSLETTER.rules, "drop"))
    assert len(dropped.kept) == 2 and not dropped.breaks


def test_a_heading_in_the_source_is_a_subhead_unless_a_rule_knows_it(tmp_path: Path) -> None:
    """A heading (`##` in Markdown, <h2> on a page) is a subhead whatever its words; the
    same words in a paragraph of their own are read, and a heading a rule knows (a list of
    related stories) goes as that rule says. A question (an interview's) or news in a
    heading is read."""
    source = tmp_path / "a.md"
    source.write_text("# Tide gauge repaired\n\nThe gauge works again.\n\n"
                      "## Repairs: phase one\n\nCrews test it on Monday.\n\n"
                      "## Why did it fail?\n\nSalt got into the cable.\n\n"
                      "## The gauge will move in March, the harbor master told the board\n\n"
                      "## Related coverage\n\nGauge vandalized on east pier\n\n"
                      "Harbor office closes early\n")
    article = read_article(source)
    assert article.headings == {1, 3, 5, 6}
    reading = read(article)
    assert reading.kept == ["The gauge works again.", "Crews test it on Monday.",
                            "Why did it fail?", "Salt got into the cable.",
                            "The gauge will move in March, the harbor master told the board"]
    assert [d.reason for d in reading.dropped] == [
        "subhead (heading), a pause", "related (related-heading)",
        "related (listed under related-heading)", "related (listed under related-heading)"]
    plain = read(replace(article, headings=frozenset()))
    assert "Repairs: phase one" in plain.kept
    read_aloud = read(article, Profile(NEWSLETTER.rules, "read"))
    assert read_aloud.kept[1] == "Repairs: phase one" and read_aloud.subheads == {1}


def test_a_heading_that_ends_with_a_full_stop_is_a_sentence_and_read() -> None:
    paragraphs = ("Nine branches will close.", "Two towns are left without a bank.",
                  "The bank said costs rose.", "Harbor Bancorp, Inc.",
                  "The bank has 40 branches.")
    reading = read(Article(Path("a.md"), "Branches close", paragraphs,
                           headings=frozenset({1, 3})))
    assert reading.kept == [p for p in paragraphs if p != "Harbor Bancorp, Inc."]


def test_a_bulleted_list_under_news_is_read_though_no_lead_introduces_it(tmp_path: Path
                                                                       ) -> None:
    """Short items of a source's bulleted list between news are the story's (`- Seven
    fires`), not subheads; the same lines written as paragraphs stay subheads. A feed's
    `<ul>` items are written as bulleted."""
    source = tmp_path / "a.md"
    story = ("The recall covers 48,000 vehicles built last year.\n\n{list}\n\n"
             "Those two lines were what the company chose to read aloud.\n")
    source.write_text("# Battery recall\n\n" + story.format(list="- Seven fires\n- No injuries"))
    article = read_article(source)
    assert article.items == {1, 2}
    assert read(article).kept == list(article.paragraphs)
    source.write_text("# Battery recall\n\n" + story.format(list="Seven fires\n\nNo injuries"))
    assert len(read(read_article(source)).kept) == 2
    feed_item = fragment_paragraphs("<p>The recall covers 48,000 vehicles.</p>"
                                    "<ul><li>Seven fires</li><li><p>No injuries</p></li></ul>")
    assert feed_item[0][1:] == ("- Seven fires", "- No injuries")


def test_a_markdown_table_is_read_a_row_at_a_time(tmp_path: Path) -> None:
    """Its header row is a subhead (a pause); each row of results is said, cells in order."""
    source = tmp_path / "a.md"
    source.write_text("# Show results\n\nThe judges met on Saturday.\n\n"
                      "| Class | Winner | Result |\n|---|---|---|\n"
                      "| Heaviest onion | Ann Lee | 4.1 kg |\n"
                      "| Longest bean | Tom Ray | 62 cm |\n\n"
                      "Prizes are paid on Friday.\n")
    reading = read(read_article(source))
    assert reading.kept == ["The judges met on Saturday.", "Heaviest onion, Ann Lee, 4.1 kg",
                            "Longest bean, Tom Ray, 62 cm", "Prizes are paid on Friday."]
    (header,) = reading.dropped
    assert header.text == "Class, Winner, Result" and header.reason.startswith("subhead")
    assert reading.breaks == {1}


def test_a_text_too_long_for_tables_keeps_its_rows_as_lines(tmp_path: Path,
                                                             monkeypatch) -> None:
    """A table's cells cost tokens each (a megabyte of table, 300 MB): past the bound, a
    file is read without tables, and its rows stay lines of text."""
    from audiocast.sources import markdown

    source = tmp_path / "a.md"
    source.write_text("# Results\n\nThe judges met.\n\n| Class | Winner |\n|---|---|\n"
                      "| Onion | Ann Lee |\n")
    monkeypatch.setattr(markdown, "MAX_TABLE_TEXT", 20)
    article = read_article(source)
    assert article.paragraphs[-1].startswith("| Class | Winner |")


def test_a_line_underlined_or_boxed_by_rules_in_plain_text_is_a_heading(tmp_path: Path) -> None:
    """Also with the text right under the rule; a rule between two paragraphs is a pause,
    and no rule is read as words."""
    source = tmp_path / "a.txt"
    source.write_text("Tide gauge repaired\n\nThe gauge works again.\n\n"
                      "-----------\n2. Repairs (phase one)\n-----------\n\n"
                      "The port pays for it.\n\nWhat it cost\n============\nIt cost $9,000.\n\n"
                      "~~~~~~~~~~\n\nThe harbor master said so.\n---\nThe crew agreed.\n")
    article = read_article(source)
    assert article.paragraphs == (
        "The gauge works again.", "2. Repairs (phase one)", "The port pays for it.",
        "What it cost", "It cost $9,000.", "~~~~~~~~~~", "The harbor master said so.", "---",
        "The crew agreed.")
    assert article.headings == {1, 3}  # a rule alone is no heading, nor a sentence above one
    reading = read(article)
    assert reading.kept == ["The gauge works again.", "The port pays for it.",
                            "It cost $9,000.", "The harbor master said so.", "The crew agreed."]
    assert len(reading.breaks) == 4


def test_the_line_above_an_e_mail_signature_parts_it_from_the_letter(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Patio opens\n\nThe patio opens on Friday.\n\nCheers,\nNadia\n\n-- \n"
                      "You are receiving this email because you signed up at the bar.\n"
                      "Unsubscribe: https://bar.example/u\n")
    reading = read(read_article(source))
    assert reading.kept == ["The patio opens on Friday."]


def test_a_timeline_in_the_body_is_news_and_a_chapter_list_at_the_end_is_not() -> None:
    timeline = ("04:10 Alarm raised at the pumping station", "04:55 Crews close the valve")
    reading = _read("The main burst before dawn.", *timeline, "Water was back by noon.")
    assert reading.kept == ["The main burst before dawn.", *timeline, "Water was back by noon."]
    chapters = _read(*NEWS, "(00:00) Cold open", "(03:10) The vote")
    assert chapters.kept == list(NEWS)


def test_a_media_contact_above_a_release_drops_its_block_not_the_story() -> None:
    reading = _read("FOR IMMEDIATE RELEASE", "Media Contact:", "Ines Marr", "Press Officer",
                    "Office: 555-0165 | ines@harbor.example",
                    "HARBOR CITY — The clinic will open a second site in June.",
                    "It expects 4,000 visits a year, its director said.",
                    "Media contact:", "Ines Marr, 555-0165", "The clinic was founded in 1990.")
    assert reading.kept == ["HARBOR CITY — The clinic will open a second site in June.",
                            "It expects 4,000 visits a year, its director said."]


def test_each_story_of_an_export_of_several_is_read_to_its_own_end() -> None:
    first = ("The ferry returns on Monday.", "Its engine was rebuilt, the operator said.")
    second = ("Quay fees rise in May", "DALE, Ore. — The harbour board voted 4-3 on Tuesday.")
    reading = _read(*first, "Categories / Harbour", *second, "Categories / Harbour, Fees",
                    "Read the Weekly Five", "Sign up for the Weekly Five, every Friday.")
    assert reading.kept == [*first, second[1]]  # its headline a pause, as a subhead is
    # a release's `About …` sections are no stories, though each ends the article
    release = _read(*first, "About Dale Ferries Inc.",
                    "Dale Ferries runs four boats on the sound.", "About Harbour Board Ltd.",
                    "The board manages the port.")
    assert release.kept == list(first)


def test_a_list_after_a_colon_is_not_taken_for_subheads() -> None:
    reading = _read("Governors declared emergencies in:", "Massachusetts and Maine",
                    "Connecticut and Vermont", "Crews worked overnight.")
    assert len(reading.kept) == 4


def test_items_of_a_list_that_news_introduces_are_news_not_addresses_or_subheads() -> None:
    items = ("Tannery Park Depot, 40 Mill Street", "Ellery Primary, on Orchard Road",
             "Saturday, May 9, 2026, 10 a.m.")
    reading = _read("Sandbags are handed out from noon at:", *items, "Crews worked overnight.")
    assert reading.kept == ["Sandbags are handed out from noon at:", *items,
                            "Crews worked overnight."]
    at_the_end = _read(*NEWS, "Sandbags are handed out from noon at:", *items[:2])
    assert at_the_end.kept[-2:] == list(items[:2])
    # the same lines with no lead-in of news are an address and a subhead
    reading = _read(*NEWS, items[0], items[1], "Crews worked overnight.")
    assert [d.reason for d in reading.dropped] == [
        "footer (site-address)", "subhead (short-line-between), a pause"]


@pytest.mark.parametrize("paragraphs", [
    # a paragraph of two sentences
    ("Evacuation levels as of 6 a.m.:", "Level 3 (GO NOW): Pine Hollow.",
     "Level 2 (GET SET): Lower Greer.",
     "A map of the zones is online. Residents can call 555-0190 at any hour.",
     "ROADS AND SHELTERS", "Highway 38 is closed between mile markers 22 and 41."),
    # a paragraph that reports someone
    ("The union listed two demands:", "a pay rise of 6%;", "an end to split shifts.",
     "The mayor did not meet the drivers, a spokesperson said.",
     "Buses ran on time on Friday.", "TALKS RESUME MONDAY",
     "Negotiators will meet at 9 a.m. at City Hall."),
    # the last item of a sentence's list
    ("The fund made three grants:", "$90,000 to a tenants' hotline;",
     "$40,000 to the harbor swim club; and", "$25,000 to a kitchen that trains cooks.",
     "TWO GIFTS DID MOST OF IT", "Most of the money came from two estates."),
])
def test_what_ends_a_news_list_so_a_subhead_may_follow(paragraphs: tuple[str, ...]) -> None:
    reading = _read(*paragraphs)
    subhead = next(p for p in paragraphs if p.isupper())
    assert subhead not in reading.kept
    assert [d.reason for d in reading.dropped] == ["subhead (line-in-capitals), a pause"]


def test_headlines_under_a_heading_may_ask_a_question_midway() -> None:
    reading = _read(*NEWS, "Read more:", "Rent strike? Not yet, say tenants",
                    "Harbor ferry adds a late sailing")
    assert reading.kept == list(NEWS)


def test_a_sponsors_label_takes_the_copy_under_it_that_names_the_sponsor() -> None:
    copy = ("Hiring this spring? Brightline Payroll sets up new staff in a day. Book a demo "
            "at brightline.example.")
    reading = _read(NEWS[0], "A message from Brightline Payroll", copy, NEWS[1])
    assert reading.kept == list(NEWS)
    assert [d.reason for d in reading.dropped] == [
        "promo (sponsor-label)", "promo (copy under sponsor-label)"]
    # news under the label, which does not name the sponsor or quotes someone, is read
    news = "Brightline Payroll cut 40 jobs on Friday, the company said."
    for after in ("Happy Monday. Three stories today, and one of them is about you.", news):
        reading = _read("Together with Brightline Payroll", after, *NEWS)
        assert reading.kept == [after, *NEWS]
    # in capitals too, its copy naming it in any case; a label that names no one takes the
    # one short paragraph under it that reports no one
    reading = _read(NEWS[0], "TOGETHER WITH BRIGHTLINE", copy, NEWS[1])
    assert reading.kept == list(NEWS)
    reading = _read(NEWS[0], "A WORD FROM OUR PARTNER", "Dry Creek Feed: tubs and tags.", NEWS[1])
    assert reading.kept == list(NEWS)
    reading = _read(NEWS[0], "A word from our sponsor", news, NEWS[1])
    assert reading.kept == [NEWS[0], news, NEWS[1]]
    # copy that does not name the sponsor but sells is the sponsor's; news under it is not
    sells = "Blowers and clippers that hold up in the heat. Readers get 15% off with code SHOW."
    reading = _read(NEWS[0], "TOGETHER WITH COBALT SUPPLY", sells, NEWS[1])
    assert reading.kept == list(NEWS)
    reading = _read(NEWS[0], "TOGETHER WITH COBALT SUPPLY", "The fair opens on Friday.", NEWS[1])
    assert reading.kept == [NEWS[0], "The fair opens on Friday.", NEWS[1]]
    # a place the sponsor is named after is not the sponsor
    news = "The Larkspur Junction School District will hold a hiring fair on Saturday."
    reading = _read(NEWS[0], "Presented by Larkspur Junction Credit Union", news, NEWS[1])
    assert reading.kept == [NEWS[0], news, NEWS[1]]
    # a first word said over and over is looked at a few words on from each mention, not
    # to the paragraph's end from every one (10,000 mentions took a minute)
    copy = "Larkspur " * 10000 + "Junction lends."
    reading = _read(NEWS[0], "Presented by Larkspur Junction Credit Union", copy, NEWS[1])
    assert reading.kept == list(NEWS)


def test_a_show_disables_a_rule_by_name_and_adds_its_own() -> None:
    line = "Bomb found near footbridge"
    paragraphs = ("Water fell.", line, "Police came.", "Traffic by Acme Radar")
    assert line not in _read(*paragraphs).kept
    profile = NEWSLETTER.without(("short-line-between",)).extended(
        (DropRule("traffic sponsor", r"^Traffic by\b"),))
    reading = _read(*paragraphs, profile=profile)
    assert line in reading.kept
    assert reading.dropped[-1].reason == "traffic sponsor"
    with pytest.raises(ValueError, match="no furniture rule named 'no-such-rule'"):
        NEWSLETTER.without(("no-such-rule",))


def test_show_patterns_run_in_linear_time() -> None:
    # on Python's backtracking `re` this pattern would not finish on this line in a lifetime
    profile = NEWSLETTER.extended((DropRule("evil", r"^(a+)+$"),))
    reading = _read("a" * 5000 + "b", profile=profile)
    assert reading.kept
    with pytest.raises(ValueError):
        NEWSLETTER.extended((DropRule("lookbehind", r"(?<=x)y"),))


def test_a_promo_rule_is_unsure_of_a_paragraph_with_news_in_it() -> None:
    promo = "Liked this report? Subscribe to the Ellery Times for $3 a month."
    news = ("Sign up for RiverWatch, the county's free flood texts, by Friday. About 2,800 "
            "households joined after last winter's floods.")
    reading = _read("The river rose overnight.", promo, news, "Crews stayed on site.")
    assert news in reading.kept and promo not in reading.kept
    assert [d.reason for d in reading.dropped] == ["promo (sign-up)"]


def test_a_headline_listed_under_a_heading_may_hold_a_decimal() -> None:
    reading = _read("The board voted 7-2.", "Most read", "Why water bills rise 4.5% in May",
                    "Staff members said they would study the plan.")
    assert reading.kept == ["The board voted 7-2.", "Staff members said they would study the plan."]


@pytest.mark.parametrize("paragraph, reported", [
    ("\u201cWe will rebuild,\u201d the owner said.", True),
    ("The union told members to wait.", True),
    ("\"Nobody warned us about the river.", True),  # a quotation that goes on below
    ("Get a print of \u201cHarbor Lights\u201d with every membership.", False),  # a title
    ("Members save 10% with code DOCK10.", False),
    ("Read how races are called: https://wire.example/race-calls-explained", False),  # an address
])
def test_what_quotes_or_reports_someone(paragraph: str, reported: bool) -> None:
    from audiocast.narration.signals import reports

    assert reports(paragraph) is reported


EDGE_NEWS = [  # a story's last (or first) paragraph that looks like a call to act, a note, a bio
    "Questions remain about who will pay for the repairs.",
    "Anyone with information is asked to call police at 555-0100.",
    "Join the march, organizers urged, and bring water.",
    "Subscribers will see the new rates in April.",
    "Downloads rose 41% after the change.",
    "Watch parties are planned across the city.",
    "Sign-ups for the program close Friday.",
    "Ann Lee is the founder of the shelter.",
    "Lena Marsh is a reporter for the Harbor Dispatch and a plaintiff in the case.",
    "Readers can find the full list of closures on the county website.",
    "Sources close to the talks expect a deal by Friday.",
    "Support for the plan has grown since the floods.",
]


@pytest.mark.parametrize("line", EDGE_NEWS)
def test_news_at_the_edges_is_kept(line: str) -> None:
    assert line in _read(*NEWS, line).kept
    assert line in _read(line, *NEWS).kept


LOOKS_LIKE_AN_OFFER_OR_A_NOTE = [  # news in the wordings of promos, disclaimers and notes
    "Today's Harbor Regatta drew 400 sailors, organizers said.",
    "Try as they might, rescuers could not reach the boat.",
    "Renewing the bridge will cost $40 million.",
    "Nothing in the law requires landlords to fix heaters, the judge wrote.",
    "When you buy a house, the county takes a 2% transfer fee.",
    "Plan your visit early: the museum expects long lines on Saturday.",
    "Good morning, the governor said, before announcing her resignation.",
    "Police have more on the suspect than they have released.",
    "What did you think of the debate? Voters we asked were split.",
    "Also on Friday, the council approved the budget.",
    "Do you have a plan if the levee fails? Most residents do not.",
    "Commissioners approved a free 30-day trial of the bike scheme.",
    "Members save about 15% under the new plan, the union said.",
    "Residents can opt out of the program by Friday.",
    "Unsubscribe requests doubled after the rate rise.",
]


@pytest.mark.parametrize("line", LOOKS_LIKE_AN_OFFER_OR_A_NOTE)
def test_news_in_the_words_of_an_offer_or_a_note_is_kept(line: str) -> None:
    for paragraphs in ((NEWS[0], line, NEWS[1]), (*NEWS, line), (line, *NEWS)):
        assert line in _read(*paragraphs).kept, paragraphs


def test_edge_rules_do_not_look_in_the_body() -> None:
    promo = "Want the evening briefing? Tap here to get it by e-mail."
    contact = "Questions? Call the desk at 555-0110."
    reading = _read(NEWS[0], promo, contact, NEWS[1])
    assert reading.kept == [NEWS[0], promo, contact, NEWS[1]]
    reading = _read(*NEWS, promo, contact)
    assert reading.kept == list(NEWS)
    assert [d.reason for d in reading.dropped] == ["promo (call-to-action)",
                                                   "contact (contact-line)"]


def test_the_tail_reaches_back_over_furniture_and_stops_at_news() -> None:
    promo = "Share this bulletin with a neighbor."
    reading = _read(*NEWS, promo, "Related", "Ferry fares to rise in spring",
                    "Copyright 2026 Harbor Wire")
    assert reading.kept == list(NEWS)
    reading = _read(NEWS[0], promo, NEWS[1], "Copyright 2026 Harbor Wire")
    assert promo in reading.kept


def test_the_tail_reaches_over_one_unknown_line_between_furniture() -> None:
    promo = "Share this bulletin with a neighbor."
    thanks = "Thanks to the volunteers who fold this bulletin."
    end = ("Related", "Ferry fares to rise in spring", thanks, "Copyright 2026 Harbor Wire")
    reading = _read(*NEWS, promo, *end)
    assert reading.kept == [*NEWS, thanks]  # the unknown line is read, the promo above not
    # a line that carries news, one under furniture only where it stands, a second
    # unknown line: each stops the tail
    news = "Volunteers folded 3,000 copies this week."
    assert promo in _read(*NEWS, promo, *end[:2], news, end[3]).kept
    assert promo in _read(*NEWS, promo, thanks, end[3]).kept
    assert promo in _read(*NEWS, promo, *end, "Printed by volunteers.", "© 2026 Harbor Wire").kept


def test_a_kicker_is_only_a_label_over_the_news() -> None:
    reading = _read("Harbor FC", "Harbor FC won the cup on Sunday.", "Fans cheered.")
    assert reading.kept == ["Harbor FC won the cup on Sunday.", "Fans cheered."]
    assert reading.dropped[0].reason == "widget (kicker)"


@pytest.mark.parametrize("paragraph, news", [
    ("Become a supporter for $7 a month and get every issue.", False),
    ("Questions? Call 555-0147 between 9 a.m. and 4 p.m.", False),
    ("Journal reference: Coastal Notes, DOI: 10.5555/cn.2024.118", False),
    ("Join us at harbor2210.example/join, or write to desk@harbor.example.", False),
    ("Check back after Jan. 5, 2026 for the results.", False),
    ("Change your settings or unsubscribe. © 2026 Harbor Notes LLC, 88 Quay Street, "
     "Portreath, ME 04999", False),  # a copyright's year, a street and a ZIP code
    ("Write to us at PO Box 5550, Calder.", False),
    ("Lodge phone (satellite): +977 1 555 4420, or +41 27 555 01 87 in winter.", False),
    ("The lodge sold 4,420 nights, up from 3,555.", True),
    ("Almost 3,400 households joined last winter.", True),
    ("\u201cSubscribe to nothing,\u201d the mayor said.", True),
    ("The union told members to wait.", True),
    ("Sign up now. Join us. Share this. Follow us.", True),  # more sentences than furniture
])
def test_what_carries_news(paragraph: str, news: bool) -> None:
    from audiocast.narration.signals import carries_news

    assert carries_news(paragraph) is news


@pytest.mark.parametrize("paragraph, quotes", [
    ('Find us on Facebook as "Loon Narrows Ricers" and tag your photos.', False),
    ('Photos free of charge with the credit "Harbour Smelter S.A."', False),
    ('"We will not reopen the pier," the harbour master said.', True),
    ('"Stop the cuts now" was painted on the ferry office wall.', True),
    ('This is part two of "Learning at Home," a series on families who teach.', False),
    ('Join the webinar "Avian Flu in Companion Animals: What Clinics Need Now," on Jan. 22.',
     False),  # titles: their words capitalised but the small ones
    ('Tap "Report a problem" in the county app.', True),  # words a reader could be quoting
    ('"' + "A" * 60 + ' b c" was the code.', True),  # read in one pass, not 2^60 splits
])
def test_a_name_in_quotes_is_no_quotation(paragraph: str, quotes: bool) -> None:
    from audiocast.narration.signals import reports

    assert reports(paragraph) is quotes


@pytest.mark.parametrize("line", [
    "Del / Share: Facebook · LinkedIn · E-post",
    "Bestillinger / Bookings: Havnekontoret, 555 0142, booking@havn.example",
    "Abonner på varsler / Subscribe to alerts for this route",
    "Tilaa tiedotteet sähköpostiisi · Subscribe to our releases by e-mail",
    "Hizkuntza / Idioma / Language: EUS · ES · EN",  # three labels (once a crash)
])
def test_a_line_in_two_languages_is_furniture_when_either_half_is(line: str) -> None:
    reading = _read(NEWS[0], line, NEWS[1])
    assert reading.kept == list(NEWS), reading.dropped


@pytest.mark.parametrize("line", [
    "Vegen er stengd. / The road is closed until Friday.",
    "Resultat / Results: Ørnholm 3, Vestby 1",
    "ZT 701 departs Port Ellary 22:10, arrives 06:45 · Tue, Thu and Sat",
    "FINAL / FINALE HARBOR SEALS - BAY OTTERS 7-7 (3-5), pen. 9-8 Quarters: 1-3, 2-2",
])
def test_news_in_two_languages_is_read(line: str) -> None:
    assert line in _read(NEWS[0], line, NEWS[1]).kept


def test_an_about_heading_over_its_own_name_ends_the_release_not_a_subhead_of_news() -> None:
    story = ("The waterfront at Camp Wapello reopens on Saturday after a $1.2 million rebuild.",
             "An open house for the public is set for 1 p.m.")
    about = ("About Tamarack Trails Council",
             "Tamarack Trails Council serves 8,600 youth in 11 counties.",
             "Through its programs, the council prepares young people for life.",
             "Learn more at tamaracktrails.example.")
    reading = _read(*story, *about)
    assert reading.kept == list(story)
    assert reading.dropped[0].reason == "footer (about-heading)"
    subhead = ("About Town", "Town meetings will move to Tuesdays from March, the clerk said.")
    assert _read(*story, *subhead).kept == [*story, subhead[1]]


def test_a_line_that_leads_with_pictures_is_judged_by_its_words() -> None:
    notice = "⚔️ Weapons check: Every blade is peace-tied at the main gate."
    news = "🔥 Fire crews held the blaze to 40 acres on Monday, the county said."
    reading = _read(NEWS[0], news, NEWS[1], notice)
    assert reading.kept == [NEWS[0], news, NEWS[1]]
    assert reading.dropped[0].reason == "footer (capital-label-notice)"
    heading = "🏅 The medal"  # a short heading, judged without its picture: no crash
    reading = _read(NEWS[0], heading, NEWS[1])
    assert reading.kept == list(NEWS) and reading.dropped[0].text == heading


def test_a_service_box_heading_ends_the_story_and_takes_its_lines() -> None:
    box = ("IF YOU GO", "Parking: $10 a car at the fairgrounds.",
           "Tickets are $12 at the gate; children under 6 get in free.")
    reading = _read(*NEWS, *box)
    assert reading.kept == list(NEWS)
    # a box inside the story: the story goes on under it, and is read
    story = ("The mayor said the fair would return.", '"We will be back," the chair said.')
    reading = _read(*NEWS, *box, *story)
    assert reading.kept[-2:] == list(story) and "IF YOU GO" not in reading.kept
    # a story's list of what is next is no box: it is read
    assert _read(*NEWS, "What comes next", "The board votes on March 3.").kept[-1] == (
        "The board votes on March 3.")
