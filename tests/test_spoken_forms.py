"""Identifiers, sports, measures and capitals as a newsreader says them (positive cases), and
the look-alikes each rule must leave alone (negative cases); what eSpeak is sent for them."""

from __future__ import annotations

import pytest

from audiocast.model import Article
from audiocast.narration.normalize import normalize
from audiocast.narration.script import Narrator
from audiocast.narration.titles import strip_title
from audiocast.speech.base import engine_text
from audiocast.speech.espeak import EspeakEngine

SAID = [
    # identifiers
    ("on flight SV2218 to", "on flight S V twenty-two eighteen to"),
    ("its 11 A320-200 jets", "its eleven A three twenty two hundred jets"),
    ("paid K500,000 each", "paid K five hundred thousand each"),  # an amount, not a model
    # a currency by its ISO code (names from CLDR); a code that is a word or a language stays
    ("fees of KES 2,500 each", "fees of two thousand five hundred Kenyan shillings each"),
    ("raised CHF 40 million", "raised forty million Swiss francs"),
    # ... or after it, where the amount ends there (`amounts_in_code`)
    ("a fee of 40 GBP a month.", "a fee of forty pounds a month."),
    ("Entry costs 12.50 EUR.", "Entry costs twelve euros and fifty cents."),
    ("paid 1,500 KES each", "paid one thousand five hundred Kenyan shillings each"),
    ("a grant of 2.5 million CHF for", "a grant of two point five million Swiss francs for"),
    ("a TOP 10 list", "a top ten list"),
    ("PHP 8 shipped", "P H P eight shipped"),
    ("six 737 MAX 8 jets", "six seven thirty-seven Max eight jets"),
    ("The measure, HR 4127, cleared", "The measure, H R forty-one twenty-seven, cleared"),
    ("the bill, H.R. 2261, passed", "the bill, H R twenty-two sixty-one, passed"),
    ("call 1-800-555-0199 today",
     "call one, eight hundred, five five five, oh one nine nine today"),
    ("or 555-0162.", "or five five five, oh one six two."),
    ("case No. 1:25-cv-00442, that", "case number one, twenty-five, C V, four forty-two, that"),
    ("Marina LLC, No. 25SL-CC04471.",
     "Marina L L C, number twenty-five S L, C C oh four four seven one."),
    ("snarls I-95 and I-280", "snarls I ninety-five and I two eighty"),
    ("along U.S. 101, a detour", "along U S one oh one, a detour"),
    ("their 401(k) accounts", "their four oh one K accounts"),
    ("H1N1 and H3N2", "H one N one and H three N two"),
    ("responders of 9/11.", "responders of nine eleven."),
    # sports and measures
    ("posted 7-188 from their 20 overs",
     "posted seven for one eighty-eight from their twenty overs"),
    ("Delacroix (9-3) struck out", "Delacroix (nine and three) struck out"),
    ("beat them 71-68 in 2OT", "beat them seventy-one to sixty-eight in double overtime"),
    ("with a .382 average", "with a three eighty-two average"),
    ("pitched 7 1/3 innings", "pitched seven and a third innings"),
    ("won in 2:02:51 on", "won in two hours, two minutes, fifty-one seconds on"),
    ("won in 2:02:51.4 on", "won in two hours, two minutes, fifty-one point four seconds on"),
    ("Aasen, 21:48.3 (0+0)", "Aasen, twenty-one minutes forty-eight point three (zero plus zero)"),
    ("Kohl (AUT) 1:41.37", "Kohl (Austria) one minute forty-one point three seven"),
    ("a split of 0:59.87 at", "a split of fifty-nine point eight seven at"),
    ("at 6.24pm local time", "at six twenty-four p m local time"),
    ("at 125kph along", "at one hundred twenty-five kilometers per hour along"),
    ("rated 1,100kW at 1,600rpm", "rated one thousand one hundred kilowatts at one thousand "
                                  "six hundred R P M"),
    ("a 57kg box of hake", "a fifty-seven kilogram box of hake"),  # before its noun: one
    ("a 300hp engine", "a three hundred horsepower engine"),
    ("cited under Section 8-214 of the code", "cited under Section eight dash two fourteen of "
                                              "the code"),  # a section, not a range
    ("Sections 8-10 apply", "Sections eight to ten apply"),
    ("won the 100m and the 4x100 relay",
     "won the one hundred meters and the four by one hundred relay"),
    ('a 5\'11" guard', "a five foot eleven guard"),
    ("stayed in the 40s all day", "stayed in the forties all day"),
    ("free for under-6s and over-70s.", "free for under-sixes and over-seventies."),
    ("issued on 02.03.2025 had", "issued on the second of March, twenty twenty-five had"),
    ("the recession of December 2007-June 2009.",
     "the recession of December two thousand seven to June two thousand nine."),
    ("along S. Millrace Ave., the", "along South Millrace Avenue, the"),
    ("Rep. Delia Marrow, R-VA, said", "Representative Delia Marrow, Republican of Virginia, said"),
    ("Sen. Gail Pettibone, D-Eastfield, urged",
     "Senator Gail Pettibone, Democrat of Eastfield, urged"),
    ("Gov. Aldous Brennan (D) signed", "Governor Aldous Brennan, a Democrat, signed"),
    ("veterans of WWII and", "veterans of World War Two and"),
    ("'Starfall: Episode VII' set", "'Starfall: Episode seven' set"),
    ("His Vol. 3, and pp. 12-14", "His Volume three, and pages twelve to fourteen"),
    ("the Div. II title, Sec. IV, Vol. I", "the Division two title, Section four, Volume one"),
    ("the Class 4A title", "the Class four A title"),
    ("Incident 27-018843 was logged",
     "Incident twenty-seven, oh one eight eight four three was logged"),
    ("streams in 1080p or 720p", "streams in ten eighty P or seven twenty P"),
    ("net debt of 1.8x earnings", "net debt of one point eight times earnings"),
    ("MONDAY, DEC. 6 at noon", "Monday, December sixth at noon"),
    ("since SEPT. 2024 the", "since September twenty twenty-four the"),
    ("the DoE and the MoD's plan", "the D O E and the M O D's plan"),
    # capitals
    ("The FBI took over", "The F B I took over"),
    ("NASA and NOAA said", "Nasa and Noaa said"),
    ("WIC vouchers rise", "Wic vouchers rise"),
    ("Vestfjord Sambandet AS runs the ferry", "Vestfjord Sambandet A S runs the ferry"),
    ("prices FOB Puerto Yumbil", "prices F O B Puerto Yumbil"),
    ("as fast AS they could", "as fast as they could"),  # emphasis, no company
    ("was NOT taking on water", "was not taking on water"),
    ("FBI AGENTS FOLLOWED THE DONATIONS", "F B I agents followed the donations"),
    ("THE US AND EU AGREED", "the U S and E U agreed"),
    ("Jan Pritchard OAM won her 31st BIS; the BOR and the CAUV program",
     "Jan Pritchard O A M won her thirty-first B I S; the B O R and the C A U V program"),
    ("AMSA, ILCA and BASC", "Amsa, Ilca and Basc"),
    ("a $12 million GO bond, and GO BONDS", "a twelve million dollar G O bond, and G O bonds"),
    ("GO team! GO to the polls", "go team! go to the polls"),
    ("20-year general obligation (GO) bonds", "twenty-year general obligation (G O) bonds"),
    ("the 1st VIII won; the 2nd XV lost", "the first eight won; the second fifteen lost"),
    ("TELL US WHAT YOU SAW", "tell us what you saw"),
    ("a SAG-AFTRA contract", "a Sag-Aftra contract"),
    ("the NAACP and AAA", "the N double A C P and triple A"),
    ("the HVAC contractor", "the H vac contractor"),
    ("it moved to Kelowna, B.C., in May", "it moved to Kelowna, British Columbia, in May"),
    ("with USD 318, the Corlan school district, and USD 531's schools; USD 318 million",
     "with U S D three eighteen, the Corlan school district, and U S D five thirty-one's schools;"
     " three hundred eighteen million dollars"),
    ("passed S/RES/2334 and A/RES/76/2.",
     "passed S res twenty-three thirty-four and A res seventy-six slash two."),
    ("where AT&T said", "where A T and T said"),
    ("a 3.41 ERA", "a three point four one E R A"),
    ("an NEA grant and the COO", "an N E A grant and the C O O"),
    ("Case No. A-24-0917 was filed", "Case number A twenty-four, oh nine one seven was filed"),
    ("it was case 24-0917 in county court",
     "it was case twenty-four, oh nine one seven in county court"),
    ("the suit, 26-CV-0412, names the firm",
     "the suit, twenty-six, C V, oh four one two, names the firm"),
    ("Senate Bill 26-014 passed", "Senate Bill twenty-six, oh one four passed"),
    ("jets left Runway 06, then Gate 07", "jets left Runway zero six, then Gate zero seven"),
    ("doors at 06:30 sharp", "doors at six thirty sharp"),
    ("the cut runs 2h 21m", "the cut runs two hours twenty-one minutes"),
    ("text 0917-555-0188 for a ride",
     "text oh nine one seven, five five five, oh one eight eight for a ride"),
    ("call 06 555 0249 after hours", "call oh six, five five five, oh two four nine after hours"),
    ("a 1h05m flight", "a one hour five minutes flight"),
    ("prices include VAT", "prices include V A T"),
    ("write to review@idwr.example today", "write to review at I D W R dot example today"),
    # capitals that read as words are said as words; the others, and tickers, are spelled
    ("roofs made of RAAC panels", "roofs made of Raac panels"),
    ("NIAMH NÍ FHLANNABHRA of CARRAIG MÓR and the ÖBB", "Niamh Ní Fhlannabhra of Carraig Mór "
     "and the Ö B B"),
    ("read “FERMÉ - GRÈVE” in IMBA trail days", "read \"Fermé - Grève\" in Imba trail days"),
    ("BY APPOINTMENT ONLY, WALK-INS AFTER 2 and the US-UK deal",
     "by appointment only, walk-ins after two and the U S-U K deal"),
    ("noise of 71 dBA at night", "noise of seventy-one decibels at night"),
    ("WAB 107, a CUP, THE WORLD CUP", "W A B one oh seven, a C U P, the world cup"),
    ("carried 10st 4lb, the 21st and 11th", "carried ten stone four pounds, the twenty-first "
     "and eleventh"),
    ("an Award of Merit, or AM, and Jane or HIM", "an Award of Merit, or A M, and Jane or him"),
    ("80 points for an AM, an IT desk, a BIG deal, I AM here", "eighty points for an A M, an I T "
     "desk, a big deal, I am here"),
    ("she ran 39:05 (38:47, F35); they won 31:28", "she ran thirty-nine oh five (thirty-eight "
     "forty-seven, F thirty-five); they won thirty-one to twenty-eight"),
    ("the USATF and INAO rules", "the U S A T F and I N A O rules"),  # `tf`, `ao`: no English
    ("an AVA since 2019, a Nd:YAG laser and MRSA", "an A V A since twenty nineteen, a Nd:Yag "
     "laser and mersa"),
    ("ACAA members and the SAI", "A C A A members and the S A I"),
    ("DEFRA and the ULEZ rules", "Defra and the Ulez rules"),
    ("the NYPD and the USDA", "the N Y P D and the U S D A"),
    ("ramps that meet ADA rules", "ramps that meet A D A rules"),
    ("Vellmar Mining (NYSE: VELO) rose", "Vellmar Mining (N Y S E: V E L O) rose"),
    ("listed under the ticker SOAR", "listed under the ticker S O A R"),
    # where capitals stand decides: defined after a name, joined to a spelled half, after a
    # time; English words of the same letters are no emphasis there
    ("the Kelso Harbour Fund (ARK) paid", "the Kelso Harbour Fund (A R K) paid"),
    ("an ENT-GYN clinic", "an E N T-G Y N clinic"),
    ("issued at 400 AM EST", "issued at four hundred A M E S T"),
    ("a NO-GO zone", "a no-go zone"),
    ("I AM NOT LEAVING", "I am not leaving"),
    # quantities written the short way
    ("(288pp, hardback)", "(two hundred eighty-eight pages, hardback)"),
    ("costs 45p a loaf", "costs forty-five pence a loaf"),
    ("a 1p rise", "a one penny rise"),
    ("has 3m subscribers", "has three million subscribers"),
    ("some 2.4m new homes", "some two point four million new homes"),
    ("raised 4bn last year", "raised four billion last year"),
    ("drew 40k runners", "drew forty thousand runners"),
    ("a 3m-long tunnel", "a three meter-long tunnel"),
    ("stood 12m tall", "stood twelve meters tall"),
    ("forecast highs of 28C on Friday", "forecast highs of twenty-eight degrees Celsius on Friday"),
    ("hit 35C (95F) in", "hit thirty-five degrees Celsius (ninety-five degrees Fahrenheit) in"),
    # emergency and service numbers, phone numbers, numbered things
    ("dial 999 now", "dial nine nine nine now"),
    ("call 911 if", "call nine one one if"),
    ("the city's 311 line", "the city's three one one line"),
    ("text HELP to 555-0123", "text help to five five five, oh one two three"),
    ("a No 10 source", "a number ten source"),
    ("Res. No. 2024-7 passed", "Resolution number twenty twenty-four, seven passed"),
    ("along SR-12 near", "along State Route twelve near"),
    ("ISBN 978-0-14-103614-4",
     "I S B N nine seven eight, oh, one four, one oh three six one four, four"),
    # dates and times as Britain writes them, ranges of days and times
    ("on 4 June", "on the fourth of June"),
    ("by 21 October 2026", "by the twenty-first of October twenty twenty-six"),
    ("open Tue.-Sat., 10 a.m.–4 p.m. daily", "open Tuesday to Saturday, ten a m to four p m daily"),
    ("Cllr Mira Hale said", "Councillor Mira Hale said"),
    ("Det Insp Joe Marr", "Detective Inspector Joe Marr"),
    # an amount before a verb is no compound adjective
    ("to spend $2.1 million repairing roofs",
     "to spend two point one million dollars repairing roofs"),
    # software versions, each part a number
    ("installed version 2.10.3 on", "installed version two point ten point three on"),
    ("the v4.0 firmware", "the version four point oh firmware"),
    # currencies by code and prefix, rupees with crore and lakh, cents alone
    ("a Rs 40 crore project", "a forty crore rupee project"),
    ("raised ₹3,500 from", "raised three thousand five hundred rupees from"),
    ("paid Rs 12 lakh", "paid twelve lakh rupees"),
    ("a grant of CAD 2 million", "a grant of two million Canadian dollars"),
    ("pays EC$390,000 now",
     "pays three hundred ninety thousand Eastern Caribbean dollars now"),
    ("cost A$45 each", "cost forty-five Australian dollars each"),
    ("sold for $0.49", "sold for forty-nine cents"),
    # ratios, units per unit, seasons, ranges of days, numbers in a ranking
    ("nurse-to-patient ratios of 1:5", "nurse-to-patient ratios of one to five"),
    ("a 1:50 scale replica", "a one to fifty scale replica"),
    ("lead at 15 mg/L in", "lead at fifteen milligrams per liter in"),
    ("emits 1 g/km", "emits one gram per kilometer"),
    ("the 2023-24 budget", "the twenty twenty-three twenty-four budget"),
    ("from March 9-11", "from March ninth to eleventh"),
    ("on Oct. 3-4, 2026", "on October third to fourth, twenty twenty-six"),
    ("ranked No. 212 in", "ranked number two hundred twelve in"),
    # cricket scores with a slash, tennis sets with tiebreaks, a side by its number
    ("were 87/4 at lunch after 30 overs", "were eighty-seven for four at lunch after thirty overs"),
    ("took 3/42 with the new ball", "took three for forty-two with the new ball"),
    ("beat Ruiz 7-6(3), 6-2", "beat Ruiz seven six, seven three in the tiebreak, six two"),
    ("lost 4-6, 6-4, 6-7 (8)", "lost four six, six four, six seven, eight ten in the tiebreak"),
    ("named in the playing XI", "named in the playing eleven"),
    # the S of U.S. is no compass point; codes with a digit between letters
    ("the 2nd U.S. Circuit Court of Appeals", "the second U S Circuit Court of Appeals"),
    ("filed in U.S. District Court on", "filed in U S District Court on"),
    ("her HbA1c level", "her H B A one C level"),
    ("a B2B marketplace", "a B two B marketplace"),
    # local phone numbers after any verb of calling, or a label
    ("reserve a seat by calling 555-0148 today",
     "reserve a seat by calling five five five, oh one four eight today"),
    ("the desk: 555-0193.", "the desk: five five five, oh one nine three."),
    # phone numbers in groups (New Zealand, Australia, South Africa)
    ("call 0800 555 201 now", "call oh eight hundred, five five five, two oh one now"),
    ("on 1300 555 884 or", "on thirteen hundred, five five five, eight eight four or"),
    ("dial 13 22 11 for", "dial thirteen twenty-two eleven for"),
    # South African amounts, thousands and hours
    ("some 8 000 learners", "some eight thousand learners"),
    ("fees of R2 750 a term", "fees of two thousand seven hundred fifty rand a term"),
    ("a R15 million hall", "a fifteen million rand hall"),
    ("a R1.8-billion upgrade", "a one point eight billion rand upgrade"),
    ("from 06h15 to 18h45", "from six fifteen a m to six forty-five p m"),
    # measures before a noun, per acre, abbreviations inside a sentence
    ("a 900-lb bear", "a nine hundred pound bear"),
    ("yields of 52.4 bu/acre", "yields of fifty-two point four bushels per acre"),
    ("a 6 ft. by 9 ft. rug", "a six feet by nine feet rug"),
    # addresses, advisories, courts, roads, grades
    ("forms at roads.ks.example/permits.", "forms at roads dot K S dot example slash permits."),
    ("sign up at harbor.example.", "sign up at harbor dot example."),
    ("the printer at 10.0.4.27 is", "the printer at ten dot zero dot four dot twenty-seven is"),
    ("patched CVE-2025-10442 last week",
     "patched C V E twenty twenty-five, one oh four four two last week"),
    ("Harlow v. Pine (4th Cir.)", "Harlow versus Pine (fourth Circuit)"),
    ("along SH1 north of", "along State Highway one north of"),
    ("K-5 pupils", "K through five pupils"),
    ("Bill 112-2 passed its first reading", "Bill one twelve dash two passed its first reading"),
    ("under Section 17-4.2 of the code", "under Section seventeen dash four point two of the code"),
    ("file form 8110-3 by Friday", "file form eighty-one ten dash three by Friday"),
    ("call the SES on 132 500 for help",
     "call the S E S on one three two, five oh oh for help"),
    ("Call 131 444 for police", "Call one three one, four four four for police"),
    ("Runway 09L/27R reopened", "Runway zero nine left, two seven right reopened"),
    ("a 2,100ha block", "a two thousand one hundred hectare block"),
    ("it earned ★★★★☆ from our critic", "it earned four stars out of five from our critic"),
    ("a ★★★½ show", "a three and a half stars show"),
    ("forecasts on 555 0147 or online", "forecasts on five five five, oh one four seven or online"),
    ("call 6555 0172 now", "call six five five five, oh one seven two now"),
    ("GLENMORA, Ida. (NWP) — The airport reopened.", "Glenmora, Ida. The airport reopened."),
    ("a 200g pack", "a two hundred grams pack"),
    ("Case No. 25-LT-014117 was heard",
     "Case number twenty-five, L T, oh one four one one seven was heard"),
    ("catalogued as 2026.1.4 in March", "catalogued as twenty twenty-six point one point four in "
     "March"),
    ("item 1952.08.11 in the store", "item nineteen fifty-two point oh eight point eleven in the "
     "store"),
    ("a Grade II listing and a Grade II* hall", "a Grade two listing and a Grade two star hall"),
    ("pupils of Classes I-II and Stages III-IV", "pupils of Classes one to two and Stages three to "
     "four"),
    ("a Category III-IV storm", "a Category three to four storm"),
    ("under permit OR-0029417-D since", "under permit O R, oh oh two nine four one seven, D since"),
    ("on flight AWN 102 from Accra", "on flight A W N one hundred two from Accra"),
    ("the station WQXA-LP will", "the station W Q X A-L P will"),
    ("an AWD PHEV with NACS and a MERV filter", "an A W D P H E V with Nacs and a Merv filter"),
    ("write to pfas.comments@dewr.example", "write to pfas dot comments at D E W R dot example"),
    ("moved to 0x3f…9a2c on Friday", "moved to zero x three F, ending nine A two C on Friday"),
    ("licence DAA-VASP-0031 lapsed", "licence D A A, V A S P, oh oh three one lapsed"),
    ("licence 2026/EL/0193 was", "licence twenty twenty-six, E L, oh one nine three was"),
    ("docket W-02113A-25-0214 was", "docket W, oh two one one three A, twenty-five, oh two one "
     "four was"),
    ("the VASP rules, the EFRA report", "the V A S P rules, the Efra report"),
    ("less REM sleep, NYMEX futures", "less Rem sleep, Nymex futures"),
    ("the trial (NCT05512345) found",
     "the trial (N C T oh five five one two three four five) found"),
    ("grant 05A23HK1 paid", "grant oh five A two three H K one paid"),
    ("(DOI 10.5555/ppl.126.081802).", "(D O I ten point five five five five slash P P L point "
     "one two six point oh eight one eight oh two)."),
    ("a hazard ratio (HR 0.91) for", "a hazard ratio (H R zero point nine one) for"),
    ("fares of COP 3,550 and ALL 3 lines", "fares of three thousand five hundred fifty Colombian "
     "pesos and all three lines"),
    ("the DG-8 Mk II cabin", "the D G eight Mark two cabin"),
    ("listed as MLS# 2614-0098", "listed as M L S number two six one four, zero zero nine eight"),
    ("asked them to call 55 2555 0176.", "asked them to call five five, two five five five, oh one "
     "seven six."),
    ("NIL deals for athletes", "N I L deals for athletes"),
    ("South bid 4♠, North 3NT.", "South bid four spades, North three no-trump."),
    ("East opened 1♣ and", "East opened one club and"),
    ("two 2x4s and a 1x6", "two two by fours and a one by six"),
    ("won the 4x400m in", "won the four by four hundred meters in"),
    ("anchored the 4x100-meter relay", "anchored the four by one hundred meter relay"),
    ("Vance, 28-1-1, won", "Vance, twenty-eight, one and one, won"),
    ("a record of 30-1-1, 22 KOs.", "a record of thirty, one and one, twenty-two knockouts."),
    ("under 29 CFR 1910.147, employers", "under twenty-nine C F R nineteen ten point one "
     "forty-seven, employers"),
    ("He improved to 21-0 with", "He improved to twenty-one and oh with"),
    ("The Hawks are 20-15-3 and", "The Hawks are twenty, fifteen and three and"),
    ("The score was 9-3 after", "The score was nine to three after"),
    ("Mbatha def. Harlow via submission (armbar), R2 3:12", "Mbatha defeated Harlow via "
     "submission (armbar), round two, at three twelve"),
    ("via KO (head kick), R1 0:37", "via K O (head kick), round one, at thirty-seven seconds"),
    ("raised 43亿元 in", "raised four point three billion yuan in"),
    ("1. Teodor Vass (HUN) 52.04 OR", "one. Teodor Vass (Hungary) fifty-two point zero four "
     "Olympic record"),
    ("so KEN tops the medal table", "so Kenya tops the medal table"),
    ("set a mark of 14:02.17 WR in", "set a mark of fourteen minutes two point one seven world "
     "record in"),
    ("waved it off: TKO, R9 1:07.", "waved it off: T K O, round nine, at one oh seven."),
    ("KEN — 14 gold, 6 silver", "Kenya, fourteen gold, six silver"),
    ("WE CAN DO IT, she said", "we can do it, she said"),
    ("spent 1,150万元 on", "spent eleven point five million yuan on"),
    ("lot 1418a sold", "lot fourteen eighteen A sold"),
    ("patch 14.2b lands", "patch fourteen point two B lands"),
    ("the Sonata Op. 27 No. 2 in", "the Sonata opus twenty-seven number two in"),
    ("Suite BWV 1007 and K. 550", "Suite B W V ten oh seven and K five fifty"),
    ("Haydn's Hob. XVI:52 tonight", "Haydn's Hoboken sixteen, fifty-two tonight"),
    ("minted in A.D. 68 at Rome", "minted in A D sixty-eight at Rome"),
    ("seen at SU 418 273 on", "seen at S U four one eight, two seven three on"),
    ("It costs INR 1,02,850 now", "It costs one hundred two thousand eight hundred fifty rupees "
     "now"),
    ("a 5v5 final", "a five versus five final"),
    ("SG 123a and", "S G one twenty-three A and"),
    ("opens at 10a.m. on", "opens at ten a m on"),
    ("a 60cc kart", "a sixty C C kart"),
    ("scored 118x125 in", "scored one hundred eighteen by one hundred twenty-five in"),
    ("Tel. 801 555 310", "telephone eight oh one, five five five, three one oh"),
    ("It weighs 801 555 310 tonnes", "It weighs eight hundred one million five hundred fifty-five "
     "thousand three hundred ten tonnes"),
    ("paid 38.5ppl for milk", "paid thirty-eight point five pence per litre for milk"),
    ("the reissue (SPR-0117) is out", "the reissue (S P R oh one one seven) is out"),
    ("hardy in zones 5a-8b", "hardy in zones five A to eight B"),
    ("call (0131) 555 0142.", "call oh one three one, five five five, oh one four two."),
    ("call the box office on +33 555 0192.", "call the box office on plus three three, five five "
     "five, oh one nine two."),
    ("fares from LE 8 and NIS 1,950 a month", "fares from eight Egyptian pounds and one thousand "
     "nine hundred fifty shekels a month"),
    ("hit fourteen 180s and 14 180s", "hit fourteen one hundred eighties and fourteen one hundred "
     "eighties"),
    ("U.S. Patent No. 10,987,004 is", "U S Patent number ten million nine hundred eighty-seven "
     "thousand four is"),
    ("file Form 1040-SR or 1099-B", "file Form ten forty S R or ten ninety-nine B"),
    ("see Pub. 501 and Form 8615", "see Publication five oh one and Form eighty-six fifteen"),
    ("inmate #A408217 was moved", "inmate A four oh eight two one seven was moved"),
    ("ends Feb 24 or Jan 2026", "ends February twenty-fourth or January twenty twenty-six"),
    ("under Art. 28(2) and Section 3(2)", "under Article twenty-eight, paragraph two and Section "
     "three, subsection two"),
    ("at 6 p.m. CT on", "at six p m Central time on"),
    ("set for 2:30 p.m. AT on Friday", "set for two thirty p m Atlantic time on Friday"),
    ("filed by Pell Holdings II against", "filed by Pell Holdings two against"),
    ("won the Ponta Alta XL Challenge", "won the Ponta Alta X L Challenge"),
    ("edited 22/01/2026 at", "edited the twenty-second of January, twenty twenty-six at"),
    ("due 01/22/2026 at", "due January twenty-second, twenty twenty-six at"),
    ("Vell declared on 287/6 dec at tea", "Vell declared on two eighty-seven for six declared at "
     "tea"),
    ("Okafor took 5-43 with the new ball", "Okafor took five for forty-three with the new ball"),
    ("bowled 13-4-43-5 as the spinners toiled", "bowled thirteen overs, four maidens, forty-three "
     "runs, five wickets as the spinners toiled"),
    ("a 4-2-3-1 shape", "a four, two, three, one shape"),
    ("Okafor's figures read 13-4-43-5, his best", "Okafor's figures read thirteen overs, four "
     "maidens, forty-three runs, five wickets, his best"),
    ("Dolly, 2 yrs 3 mos old, and", "Dolly, two years three months old, and"),
    ("a 5.5 oz can, 2 ml doses", "a five point five ounce can, two milliliters doses"),
    ("docket 05000-123 was", "docket oh five oh oh oh, one two three was"),
    ("event number 58214 said", "event number five eight two one four said"),
    ("notice 2026-03-0001 on", "notice twenty twenty-six, oh three, oh oh oh one on"),
    ("won 12.10 (82) to 9.8 (62)", "won twelve ten, eighty-two to nine eight, sixty-two"),
    ("won the W2- and the LM4x", "won the women's pair and the lightweight men's quad sculls"),
    ("open 6-9 p.m. daily", "open six to nine p m daily"),
    ("tickets for Game II went", "tickets for Game two went"),
    ("a $A310 million stadium", "a three hundred ten million Australian dollar stadium"),
    ("crashes on the J18 to J20 stretch", "crashes on the junction eighteen to junction twenty "
     "stretch"),
    ("the 2,000m races", "the two thousand meters races"),
    ("an 846 MWe unit in Region IV", "an eight hundred forty-six megawatts electric unit in "
     "Region four"),
    ("appelez le 05 55 01 23 45.", "appelez le oh five, fifty-five, oh one, twenty-three, "
     "forty-five."),
    ("violates 3-501.16 of the code", "violates three, five oh one point one six of the code"),
    ("batch 0226-121 is", "batch oh two two six, one two one is"),
    ("use #CheckTheSticker or @CascadiaGrid", "use hashtag Check The Sticker or at Cascadia Grid"),
    ("USDA and HACCP rules", "U S D A and Haccp rules"),
    ("at 51°12'N 1°45'E when", "at fifty-one degrees twelve minutes north, one degree "
     "forty-five minutes east when"),
    ("at 0412 UTC and 1432Z", "at oh four twelve U T C and fourteen thirty-two Zulu"),
    ("buoy at 57-41.20N 011-03.45E.", "buoy at fifty-seven degrees forty-one point two zero "
     "minutes north, eleven degrees three point four five minutes east."),
    ("NHTSA and the MAIB", "Nhtsa and the M A I B"),
    ("ALPA and the ODA", "Alpa and the O D A"),
    ("batch TV-0627-A and licence C10-0000874-LIC", "batch T V, oh six two seven, A and "
     "licence C ten, oh oh oh oh eight seven four, L I C"),
    ("DUII (ORS 813.010) and RCW 9A.56.030", "D U I I (O R S eight thirteen point oh one oh) "
     "and R C W nine A point five six point oh three oh"),
    ("fined under rule 12-4.210, between 2-3.5%", "fined under rule twelve, four point two one "
     "oh, between two to three point five percent"),
    ("won the 1m 2f 110y handicap", "won the one mile, two furlongs and one hundred ten yards "
     "handicap"),
    ("the 7f maiden race", "the seven furlongs maiden race"),
    ("at 60.99p a day", "at sixty point nine nine pence a day"),
    ("error 0x80070643 again", "error zero x eight oh oh seven oh six four three again"),
    ("a 9/4 favourite beat the 33/1 outsider", "a nine to four favourite beat the thirty-three "
     "to one outsider"),
    ("The 7f sprint went", "The seven furlongs sprint went"),
]

LEFT_ALONE = [  # look-alikes a rule must not touch
    ("the SALE 5 event", "the sale five event"),
    ("a Lumatek LX-2100 board", "a Lumatek L X two thousand one hundred board"),
    ("scores of +2 and +14", "scores of plus two and plus fourteen"),
    ("The vote passed (7-2).", "The vote passed (seven to two)."),
    ("on the anniversary of D-Day, leaders", "on the anniversary of D-Day, leaders"),
    ("a 51-49 vote", "a fifty-one to forty-nine vote"),
    ("won the J16 1x: Ana Quill", "won the J sixteen one X: Ana Quill"),
    ("prices of 2,000-5,000 yen", "prices of two thousand to five thousand yen"),
    ("Do it", "Do it"),
    ("about 2/3 of them", "about two thirds of them"),
    ("sold 120 jets", "sold one hundred twenty jets"),
    ("Anything can happen, NASA said", "Anything can happen, Nasa said"),
    ("in 1998 and 2021", "in nineteen ninety-eight and twenty twenty-one"),
    ("It was Ada who won", "It was Ada who won"),
    ("the Ticker Tape Parade", "the Ticker Tape Parade"),
    ("NYSE: trading resumed", "N Y S E: trading resumed"),
    ("seat 32C on the plane", "seat thirty-two C on the plane"),
    ("a 30m drop", "a thirty M drop"),
    ("streamed in 720p", "streamed in seven twenty P"),
    ("311 people signed", "three hundred eleven people signed"),
    ("No one came", "No one came"),
    ("the May 12 vote", "the May twelfth vote"),
    ("the 2,500th visitor", "the two thousand five hundredth visitor"),
    ("a 10k run", "a ten K run"),
    ("won the 400m hurdles", "won the four hundred meters hurdles"),
    ("a $2 million building", "a two million dollar building"),
    ("won 6-1 on penalties", "won six to one on penalties"),
    ("pi is about 3.14", "pi is about three point one four"),
    ("the 10:30 train", "the ten thirty train"),
    ("at 1:45 p.m. daily", "at one forty-five p m daily"),
    ("from 2019-22", "from twenty nineteen to twenty-two"),
    ("voted 6-4, then 5-2", "voted six to four, then five to two"),
    ("won 3-1, 2-0 and 1-1", "won three to one, two to zero and one to one"),
    ("a 2/3 majority", "a two thirds majority"),
    ("scored 87/4 on the test", "scored eighty-seven four on the test"),
    ("Pope Pius XI", "Pope Pius the eleventh"),
    ("charity No. 1123456", "charity number one one two three four five six"),
    ("release 2.75 million gallons", "release two point seven five million gallons"),
    ("sold 400-1200 units", "sold four hundred to twelve hundred units"),  # a range
    ("In Ward 12 400 voters signed", "In Ward twelve four hundred voters signed"),
    ("On March 3 100 people came", "On March third one hundred people came"),
    ("the R45 to Durban", "the R forty-five to Durban"),  # a road, not rand
    ("the K-9 unit", "the K nine unit"),  # a police dog, not grades
    ("lower than 1.0.9.44 now", "lower than one point oh point nine point forty-four now"),
    ("the 5km run", "the five kilometers run"),  # a unit, not a code
    ("prices fell in 1995-8", "prices fell in nineteen ninety-five to eight"),  # a range
    ("a 1000-1 outsider", "a one thousand to one outsider"),  # odds
    ("the 132 500 residents", "the one hundred thirty-two thousand five hundred residents"),
    ("he wore 27R", "he wore twenty-seven R"),  # no runway
    ("★ Editor's pick", "Editor's pick"),  # a mark, not a rating
    ("a 5G phone", "a five G phone"),  # a network, not grams
    ("the 555 0147 figure", "the five hundred fifty-five one hundred forty-seven figure"),
    ("the FEC closed MUR 8214", "the F E C closed M U R eight thousand two hundred fourteen"),
    ("update 17.4.1 ships", "update seventeen point four point one ships"),  # no year
    ("King Henry VIII* rode", "King Henry the eighth rode"),  # a footnote's star
    ("a FLIGHT DELAYED notice", "a flight delayed notice"),  # no code after it
    ("due 03/04/2026 at", "due three four twenty twenty-six at"),  # day or month first?
    ("paid R250000 and K500000", "paid R two hundred fifty thousand and K five hundred "
     "thousand"),  # amounts, not serials
    ("the 1040 voters", "the one thousand forty voters"),  # no form named
    ("Brown won 5-3 in 10 innings", "Brown won five to three in ten innings"),  # baseball
    ("a 1.5 (3) ratio", "a one point five (three) ratio"),  # no footy score: 1 goal is 6
    ("she read J14 magazine", "she read J fourteen magazine"),  # no road
    ("it rose 2x in a year", "it rose two X in a year"),  # no boat
    ("a 1m budget gap", "a one M budget gap"),  # no race
    ("only 2/3 of voters", "only two thirds of voters"),  # no odds
]


@pytest.mark.parametrize("written, said", SAID + LEFT_ALONE)
def test_said_as_a_newsreader_says_it(written: str, said: str) -> None:
    assert normalize(written) == said


def _sent(written: str) -> str:
    narration = Narrator(600).article(Article("x", "A headline of some length", (written,)))
    return " ".join(engine_text(EspeakEngine(), s.typed()) for s in narration.segments[1:])


def test_espeak_spells_letters_its_own_way_without_a_spoken_full_stop() -> None:
    sent = _sent("The USA team met at 10:30 a.m. in the U.S.")
    assert sent.startswith("<speak>") and sent.endswith("</speak>")
    assert '<say-as interpret-as="characters">USA</say-as>' in sent
    assert '<say-as interpret-as="characters">am</say-as>' in sent
    assert not sent.endswith(".</speak>")  # eSpeak would say "dot"
    assert "[[z]]" in _sent("The FBI's agents left.")
    assert not _sent("The vote passed.").startswith("<speak>")  # nothing to spell: plain


def test_dateline_survives_sentence_splitting_and_is_said_once() -> None:
    narration = Narrator(600).article(Article(
        "x", "Ferry runs aground off the coast", ("PORT ALDER, Ore. (AP) — A ferry ran aground.",
                                                "(CNN) -- A storm hit the coast.")))
    said = [s.text for s in narration.segments]
    assert said[1:] == ["Port Alder, Oregon.", "A ferry ran aground.", "A storm hit the coast."]


@pytest.mark.parametrize("title, url, expected", [
    ("Floods recede in Auenbach, exposing a bomb | MWR | 04.03.2025", None,
     "Floods recede in Auenbach, exposing a bomb"),
    ("Actors walk off the set at the old shipyard - Northgate Tribune",
     "https://www.northgatetribune.example/a", "Actors walk off the set at the old shipyard"),
    ("School board votes to close two schools — Riverside Sentinel-Post", None,
     "School board votes to close two schools"),
    ("Ferry runs aground - 212 passengers rescued", None,
     "Ferry runs aground - 212 passengers rescued"),
])
def test_titles_lose_site_names_and_dates(title: str, url: str | None, expected: str) -> None:
    assert strip_title(title, url=url) == expected


@pytest.mark.parametrize("text", ["sent 2 SAR helicopters", "bought 3 CAD licences",
                                  "a rate of 1.08 EUR/USD"])
def test_a_code_after_a_number_before_a_noun_is_no_currency(text: str) -> None:
    said = normalize(text)
    assert not any(name in said for name in ("riyal", "dollar", "euro")), said
