"""Word lists for reading American news text aloud: data, and `alternation`, how a rule
matches one word of a list; the rules live in `normalize.py` and `measures.py`. Sources: AP
style (titles, state abbreviations, months, party labels)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regular expression for any one of `words`, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Titles before a name: "Sen. Amy Klobuchar" -> "Senator Amy Klobuchar".
TITLES = {
    "Sen.": "Senator", "Sens.": "Senators", "Rep.": "Representative",
    "Reps.": "Representatives", "Gov.": "Governor", "Lt. Gov.": "Lieutenant Governor",
    "Dr.": "Doctor", "Gen.": "General", "Lt.": "Lieutenant", "Col.": "Colonel",
    "Capt.": "Captain", "Cmdr.": "Commander", "Sgt.": "Sergeant", "Maj.": "Major",
    "Adm.": "Admiral", "Cpl.": "Corporal", "Pvt.": "Private", "Prof.": "Professor",
    "Rev.": "Reverend", "Msgr.": "Monsignor", "Supt.": "Superintendent",
    "Atty.": "Attorney", "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz",
    "Pres.": "President", "Mt.": "Mount", "Ft.": "Fort", "St.": "Saint",
    # British style, without the full stop: "Cllr Ann Roe", "Det Supt Ian Hale"
    "Cllr": "Councillor", "Cllrs": "Councillors", "Insp": "Inspector",
    "Ch Insp": "Chief Inspector", "Supt": "Superintendent", "Ch Supt": "Chief Superintendent",
    "Det": "Detective", "Sgt": "Sergeant", "Cpl": "Corporal", "Capt": "Captain",
    "Cmdr": "Commander", "Lt": "Lieutenant", "Col": "Colonel", "Prof": "Professor",
}

# After a name: "Martin Luther King Jr." -> "Martin Luther King Junior".
SUFFIXES = {"Jr.": "Junior", "Sr.": "Senior", "Inc.": "Incorporated", "Corp.": "Corporation",
            "Co.": "Company", "Ltd.": "Limited", "Bros.": "Brothers"}

# After a street name: "Main St." -> "Main Street".
STREETS = {"St.": "Street", "Ave.": "Avenue", "Blvd.": "Boulevard", "Rd.": "Road",
           "Dr.": "Drive", "Ln.": "Lane", "Hwy.": "Highway", "Pkwy.": "Parkway",
           "Ct.": "Court", "Pl.": "Place", "Sq.": "Square"}

# Words and phrases read in full wherever they appear.
PHRASES = {
    "et al.": "and others", "e.g.": "for example", "i.e.": "that is", "etc.": "et cetera",
    "vs.": "versus", "approx.": "approximately", "Dept.": "Department",
    "Univ.": "University", "Ph.D.": "P H D", "Ph.D": "P H D", "Mk": "Mark", "def.": "defeated",
    "Tel.": "telephone",
}

MONTHS = {
    "Jan.": "January", "Feb.": "February", "Mar.": "March", "Apr.": "April",
    "Jun.": "June", "Jul.": "July", "Aug.": "August", "Sept.": "September",
    "Sep.": "September", "Oct.": "October", "Nov.": "November", "Dec.": "December",
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

# AP state abbreviations, as used in datelines, after a city and in party labels.
STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "D C",
    # Canada's provinces, as the Canadian Press and AP abbreviate them
    "Alta.": "Alberta", "B.C.": "British Columbia", "Man.": "Manitoba", "N.B.": "New Brunswick",
    "N.L.": "Newfoundland and Labrador", "Nfld.": "Newfoundland", "N.S.": "Nova Scotia",
    "Ont.": "Ontario", "P.E.I.": "Prince Edward Island", "Que.": "Quebec", "Sask.": "Saskatchewan",
}
STATE_NAMES = ("Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah",
               "Alabama", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
               "Delaware", "Florida", "Georgia", "Illinois", "Indiana", "Kansas", "Kentucky",
               "Louisiana", "Maryland", "Massachusetts", "Michigan", "Minnesota",
               "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Oklahoma",
               "Oregon", "Pennsylvania", "Tennessee", "Vermont", "Virginia", "Washington",
               "Wisconsin", "Wyoming")

# Two-letter postal codes, as party labels use them: "Rep. Delia Marrow, R-VA".
POSTAL_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}

PARTIES = {"D": "Democrat", "R": "Republican", "I": "Independent", "L": "Libertarian"}

# All-capital abbreviations people say as words; any other is spelled out letter by letter
# unless it is an English word (`capitals.py` decides; the show's lexicon overrides).
ACRONYM_WORDS = frozenset({
    "NATO", "NASA", "WIC", "COVID", "UNESCO", "UNICEF", "OPEC", "FEMA", "NAFTA", "ASEAN", "OSHA",
    "ANSI", "NASDAQ", "SWAT", "AIDS", "GIF", "JPEG", "PIN", "LASER", "RADAR", "SCOTUS", "POTUS",
    "FLOTUS", "DACA", "HAMAS", "ISIS", "CERN", "INTERPOL", "MERCOSUR", "UEFA", "FIFA", "ICE",
    "SARS", "MERS", "NIMBY", "EPCOT", "TASS", "CARES", "NOAA", "SAG", "AFTRA", "HUD", "PAC",
    "NAND", "SIM", "CAPTCHA", "DARPA", "ERCOT", "ICANN", "IMAX", "NEOM", "OFCOM", "PEMEX",
    "SEPTA", "MARTA", "CONCACAF", "MAGA", "WASP", "TARP", "AMBER", "ZIP", "MAX", "SUNY",
    "CUNY", "GEICO", "ASCAP", "NORAD", "STEM", "TED", "YOLO", "WIMP", "SALT", "START",
    "ARPA", "TIF", "ARPU", "PFAS", "PFOS", "EBITDA", "LIHEAP", "WIFIA", "SOLAS", "LIDAR",
    "NACS", "MERV", "EFRA", "NYMEX", "REM", "ESFRI", "ONDA", "NSAID", "DUC", "EFSA", "HACCP",
    "NHTSA", "CPAP", "SIPP", "ALPA", "WOSM", "LEO", "AGMA", "IGRA", "MRF", "FSMA", "YAG",
    "SLAPP", "ADIPS",  # a lawsuit to silence critics; a fairground rides' inspection scheme
    "IMBA",  # the mountain bikers' association
    "ANZAC", "DUPR", "OSCR",  # the corps; a pickleball rating ("dupper"); a charity regulator
    "AMSA", "ILCA", "BASC",  # a maritime safety authority; a dinghy class; a shooting body
    "APHIS",  # the USDA's animal and plant health inspection service
})

# Acronyms that are also English words but are spelled in news copy ("a 3.41 ERA").
SPELLED_ACRONYMS = frozenset({
    "ERA", "SEC", "UN", "EU", "US", "UK", "ER", "AMA", "AI", "IT", "ID", "WHO", "DOT", "DOE",
    "DOD", "SAT", "GED", "IRA", "LED", "ATM", "ACT", "CAT", "MRI", "TV", "PC", "AP", "OT", "VAT",
    "FOB",  # free on board
    "ROE",  # return on equity, in a utility's rate case
    "NEA", "COO", "UVA", "OD", "AAM", "AWD", "ORA", "ALP", "ORT",  # rare words, acronyms
    "PHEV", "VASP", "NIL", "ORC", "MUN", "CAD", "ALN", "SWA", "HIA", "USDA",  # not words
    "ASE", "MAIB", "MOU", "FEI", "USEF", "POW", "ABA", "DUII", "USACE", "ODA", "CAP", "IFPL", "HIC",
    "SAI", "USD", "AME",  # student aid index; the currency code alone; a church
    "PET", "TUE", "OAR", "MAT", "NAIC",  # a plastic, an exemption, a state's rules, a test
    "AVA", "BAA",  # a wine region (American Viticultural Area), a marathon's association
    "CUP", "KABCO",  # a conditional use permit; a crash's injury scale
    "ARA", "AMI", "AGA",  # a rally association; area median income; a general adjustment
    "GAR",  # the Grand Army of the Republic, a Civil War veterans' order
    "CYP", "PIP",  # children and young people (a UK service); poured-in-place surfacing
    "OAM", "BIS", "COD", "BOR",  # a medal; best in show; a dispersion; a board of revision
    "CAUV",  # current agricultural use value (a farm's taxable value)
    "NCUSIF",  # the credit unions' share insurance fund
    "SHA", "APA",  # a provincial hockey association; the Administrative Procedure Act
    # time zones
    "AST", "ADT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST",
    "GMT", "UTC", "BST", "CET", "CEST", "IST", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT",
    "SAST", "WAT", "EAT",
})
# Of those, the ones a line in capitals most likely uses as plain words ("WHO IS IT").
COMMON_WORDS_UPPER = frozenset({"IT", "WHO", "US", "CAP", "CUP"})

# Common short English words, for words in capitals the word list may lack.
COMMON_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "but", "not",
    "no", "so", "go", "do", "be", "me", "we", "he", "my", "if", "is", "am", "oh", "ok", "up",
    "us", "it", "as", "all", "any", "new", "old", "big", "hot", "out", "off", "now", "yes",
    "online", "email", "website", "has", "box", "app", "mom", "wifi", "hifi", "scifi",
})

# Capitals with a reading of their own: single capital letters in the reading are spelled.
SPECIAL_READINGS = {
    "AAA": "triple A", "NAACP": "N double A C P", "WWII": "World War Two",
    "WWI": "World War One", "IEEE": "I triple E", "NCAA": "N C double A",
    "HVAC": "H vac", "MRSA": "mersa",
}

CURRENCIES = {"$": ("dollar", "dollars", "cent", "cents"),
              "€": ("euro", "euros", "cent", "cents"),
              "£": ("pound", "pounds", "penny", "pence"),
              "¥": ("yen", "yen", "", ""),
              "₹": ("rupee", "rupees", "paisa", "paise"),
              "CAD": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
              "AUD": ("Australian dollar", "Australian dollars", "cent", "cents"),
              "NZD": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
              "HKD": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
              "SGD": ("Singapore dollar", "Singapore dollars", "cent", "cents"),
              "XCD": ("Eastern Caribbean dollar", "Eastern Caribbean dollars", "cent", "cents"),
              "ZAR": ("rand", "rand", "cent", "cents"),
              "ILS": ("shekel", "shekels", "agora", "agorot"),
              "EGP": ("Egyptian pound", "Egyptian pounds", "piastre", "piastres")}
# Currencies written before the amount by a code or a dollar sign with a country: which
# of CURRENCIES each is (`US$` is plain dollars, as Americans say it).
CURRENCY_PREFIXES = {"US$": "$", "USD": "$", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
                     "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "NZ$": "NZD", "NZD": "NZD",
                     "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SGD": "SGD", "Rs.": "₹",
                     "Rs": "₹", "INR": "₹", "GBP": "£", "EUR": "€", "ZAR": "ZAR", "EC$": "XCD",
                     "XCD": "XCD", "NIS": "ILS", "₪": "ILS", "ILS": "ILS", "LE": "EGP",
                     "EGP": "EGP", "$A": "AUD", "$NZ": "NZD", "$US": "$"}
SCALES = {"thousand": "thousand", "million": "million", "billion": "billion",
          "trillion": "trillion", "k": "thousand", "K": "thousand", "m": "million",
          "M": "million", "mn": "million", "b": "billion", "B": "billion", "bn": "billion",
          "tn": "trillion", "T": "trillion", "crore": "crore", "crores": "crore",
          "lakh": "lakh", "lakhs": "lakh"}

# After an amount of money, these words keep it a plain amount ("$300 to $400", "$35 a
# month"); any other word makes it a compound adjective ("a $48 million rebuild" -> "a
# forty-eight million dollar rebuild").
AFTER_AMOUNT = frozenset((
    "a", "an", "the", "to", "in", "for", "of", "on", "from", "by", "with", "at", "over", "per",
    "into", "toward", "towards", "under", "above", "below", "than", "through", "and", "or",
    "but", "nor", "is", "was", "were", "are", "be", "been", "being", "will", "would", "could",
    "should", "might", "may", "must", "can", "has", "had", "have", "each", "apiece",
    "annually", "together", "last", "this", "that", "more", "less", "back", "total",
    "overall", "instead", "already", "so", "too", "as", "if", "when", "while", "since",
    "before", "after", "until", "because", "up", "down", "out", "off", "yearly", "monthly",
    "weekly", "daily", "now", "then", "there", "here", "which", "who", "it", "he", "she",
    "they", "we", "you", "i", "his", "her", "their", "its", "our", "my", "your", "not",
    "also", "just", "only", "even", "about", "around", "against", "during", "without",
    "within", "between", "among", "via", "plus", "minus", "versus", "vs", "dollars",
))

UNITS = {"mph": "miles per hour", "km/h": "kilometers per hour", "kph": "kilometers per hour",
         "km": "kilometers",
         "kg": "kilograms", "lbs": "pounds", "lb": "pounds", "ft": "feet", "mi": "miles",
         "cm": "centimeters", "mm": "millimeters", "°F": "degrees Fahrenheit",
         "°C": "degrees Celsius", "MB": "megabytes", "GB": "gigabytes", "kWh": "kilowatt hours",
         "MW": "megawatts", "GW": "gigawatts", "sq ft": "square feet", "ha": "hectares",
         "g": "grams", "ppl": "pence per litre", "cc": "C C", "oz": "ounces",
         "ml": "milliliters", "mL": "milliliters", "pts": "points", "MWe": "megawatts electric",
         "kW": "kilowatts", "hp": "horsepower", "rpm": "R P M", "dB": "decibels",
         "dBA": "decibels", "dB(A)": "decibels"}

# A measure joined to the noun it describes ("a 1,200-lb bale"): the unit in the singular.
UNIT_ADJECTIVES = {"lb": "pound", "kg": "kilogram", "km": "kilometer", "mm": "millimeter",
                   "cm": "centimeter", "ft": "foot", "mi": "mile", "oz": "ounce",
                   "kW": "kilowatt", "MW": "megawatt", "sq ft": "square foot", "ha": "hectare",
                   "hp": "horsepower"}

# A compound unit, "mg/L": what is measured (plural) and what it is measured per (one).
UNITS_MEASURED = {"mg": "milligrams", "µg": "micrograms", "μg": "micrograms", "mcg": "micrograms",
                  "ng": "nanograms", "g": "grams", "kg": "kilograms", "mL": "milliliters",
                  "ml": "milliliters", "L": "liters", "l": "liters", "km": "kilometers",
                  "m": "meters", "cm": "centimeters", "mm": "millimeters", "mi": "miles",
                  "ft": "feet", "kWh": "kilowatt hours", "Wh": "watt hours",
                  "MWh": "megawatt hours", "mmol": "millimoles", "mol": "moles",
                  "kcal": "kilocalories", "cal": "calories", "Bq": "becquerels",
                  "t": "tonnes", "gal": "gallons", "lb": "pounds", "lbs": "pounds",
                  "bu": "bushels"}
UNITS_PER = {"L": "liter", "l": "liter", "mL": "milliliter", "ml": "milliliter",
             "dL": "deciliter", "kg": "kilogram", "g": "gram", "m": "meter",
             "m2": "square meter", "m²": "square meter", "m3": "cubic meter",
             "m³": "cubic meter", "km": "kilometer", "km2": "square kilometer",
             "km²": "square kilometer", "h": "hour", "hr": "hour", "s": "second",
             "sec": "second", "min": "minute", "ha": "hectare", "day": "day", "d": "day",
             "yr": "year", "year": "year", "week": "week", "mi": "mile", "gal": "gallon",
             "person": "person", "capita": "capita", "kWh": "kilowatt hour", "acre": "acre",
             "ac": "acre"}
# A price per a unit, "$1.05/lb": the units a price is quoted in, besides those above.
PRICE_UNITS = {**UNITS_PER, "lb": "pound", "lbs": "pound", "bu": "bushel", "t": "tonne",
               "oz": "ounce", "cwt": "hundredweight", "mo": "month", "month": "month",
               "wk": "week", "head": "head", "MWh": "megawatt hour", "sq ft": "square foot"}

# Video lines, which a `p` after a number names rather than pence ("in 720p").
VIDEO_LINES = frozenset({"144", "240", "360", "480", "720"})

# After a number with a scale ("2m"): words that are counted in millions ("2m people"); the
# words between ("2m new homes"); and words of a length ("2m tall"), which make it metres.
COUNTED = frozenset({
    "people", "children", "men", "women", "staff", "police", "cattle", "sheep", "fish",
    "livestock", "personnel", "folk", "youth", "poultry", "deer", "salmon", "aircraft",
})
BEFORE_COUNTED = frozenset({
    "new", "more", "extra", "additional", "other", "young", "older", "local", "registered",
    "active", "monthly", "daily", "weekly", "unique", "eligible", "paying", "fewer", "existing",
    "potential", "social", "affordable", "empty", "online", "unpaid", "small",
})
MEASURED = frozenset({
    "tall", "high", "long", "deep", "wide", "away", "above", "below", "thick", "across",
    "underground", "underwater", "offshore", "square", "cubic", "taller", "higher", "longer",
    "deeper", "wider", "short", "beneath",
})

# Roman numerals after these words are plain numbers ("World War Two"); after a name they
# are regnal ("Henry the Eighth").
ROMAN_CARDINAL_AFTER = {"War", "Bowl", "Title", "Chapter", "Phase", "Part", "Act", "Class",
                        "Stage", "Level", "Type", "Category", "Vatican", "Apollo", "Rocky",
                        "Episode", "Volume", "Book", "Season", "Series", "Round", "Division",
                        "Grade", "Tier", "Mark", "Game", "Match", "Leg", "Heat", "Unit",
                        "Region", "Zone", "District", "Annex", "Appendix", "Article", "Group",
                        "Pool", "Severity", "Schedule", "Section",
                        # a company or fund's series: `TCV Holdings II LLC`, `Fund III`
                        "Holdings", "Fund", "Partners", "Capital", "Properties", "Investors",
                        "Ventures", "Associates", "Equity", "Realty"}

# Dates that name an event, said as people say them.
EVENT_DATES = {"9/11": "nine eleven", "24/7": "twenty-four seven", "7/7": "seven seven",
               "1/6": "January sixth", "3/11": "three eleven"}

# Track and swimming distances in meters, written `100m`, `10,000m`.
TRACK_DISTANCES = frozenset({"50", "60", "100", "110", "200", "400", "500", "800", "1000",
                             "1,000", "1500", "1,500", "2000", "2,000", "3000", "3,000", "5000",
                             "5,000", "10000", "10,000"})

# Words after a track distance that make it a race, not a count: "the 100m hurdles".
TRACK_EVENTS = frozenset({
    "hurdles", "freestyle", "backstroke", "breaststroke", "butterfly", "medley", "relay",
    "individual", "dash", "sprint", "race", "final", "finals", "heat", "heats", "semifinal",
    "semi-final", "semifinals", "semi-finals", "title", "record", "champion", "gold", "silver",
    "bronze", "run", "steeplechase", "swim", "event", "events", "races", "course", "sprints",
})

# Baseball positions before a player's name in notes: "RHP Mateo Ruiz".
POSITIONS = {"RHP": "right-hander", "LHP": "left-hander", "OF": "outfielder",
             "1B": "first baseman", "2B": "second baseman", "3B": "third baseman",
             "SS": "shortstop", "DH": "designated hitter", "INF": "infielder"}

# Words that continue a name after "U.S." or "D.C." ("the U.S. Senate"); any other
# capitalized word after them starts a new sentence ("across the U.S. Here's the catch").
NAME_AFTER_PLACE = frozenset((
    "Senate", "House", "District", "Attorney", "Attorneys", "Army", "Navy", "Air", "Marine",
    "Marines", "Coast", "Open", "Supreme", "Court", "Courts", "Department", "Capitol",
    "Embassy", "Postal", "Geological", "Chamber", "Circuit", "Council", "Constitution",
    "Congress", "Government", "Census", "Forest", "Fish", "Park", "Bank", "Steel", "Women's",
    "Men's", "National", "Olympic", "Soccer", "Rep", "Sen", "Ambassador", "Marshals", "Mint",
    "Treasury", "Border", "Customs", "Citizenship", "Immigration", "Agency", "Agriculture",
    "Energy", "Justice", "Commerce", "Labor", "Trade", "Special", "Central", "Cyber", "Space",
    "Federal", "Secret", "Public", "Patent", "Copyright", "Conference", "Catholic", "Bureau",
    "Superior", "United", "Mayor", "Police", "Route", "Highway", "Interstate", "Forces",
    "Military", "Intelligence", "Secretary", "President", "Vice", "Chief", "Magistrate",
    "Bankruptcy", "Trustee", "Food", "Drug", "Securities", "Fire", "Health", "Education",
    "Transportation", "Veterans", "Homeland", "Environmental", "Consumer", "Financial",
    "Tax", "Naval", "Military", "Postal", "Women", "Men", "Team", "Olympics", "Cup", "Masters",
    "Amateur", "Championship", "Championships", "Title", "Virgin", "Capital", "Metro",
    "Statehood", "Code", "Legal", "Charter", "Public", "Department's", "Senate's", "House's",
))

# The International Olympic Committee's codes for the nations most often in results, as a
# results list or a medal table writes them (`Vass (HUN)`, `1. KEN — 14 gold`).
OLYMPIC_CODES = {
    "GBR": "Great Britain", "CHN": "China", "JPN": "Japan",
    "KOR": "South Korea", "PRK": "North Korea", "AUS": "Australia", "NZL": "New Zealand",
    "CAN": "Canada", "MEX": "Mexico", "BRA": "Brazil", "ARG": "Argentina", "COL": "Colombia",
    "CHI": "Chile", "PER": "Peru", "ECU": "Ecuador", "VEN": "Venezuela", "CUB": "Cuba",
    "JAM": "Jamaica", "BAH": "Bahamas", "TTO": "Trinidad and Tobago", "DOM": "Dominican Republic",
    "PUR": "Puerto Rico", "FRA": "France", "GER": "Germany", "ITA": "Italy", "ESP": "Spain",
    "POR": "Portugal", "NED": "Netherlands", "BEL": "Belgium", "SUI": "Switzerland",
    "AUT": "Austria", "IRL": "Ireland", "DEN": "Denmark", "NOR": "Norway", "SWE": "Sweden",
    "FIN": "Finland", "ISL": "Iceland", "POL": "Poland", "CZE": "Czech Republic",
    "SVK": "Slovakia", "HUN": "Hungary", "ROU": "Romania", "BUL": "Bulgaria", "GRE": "Greece",
    "CRO": "Croatia", "SRB": "Serbia", "SLO": "Slovenia", "UKR": "Ukraine", "LTU": "Lithuania",
    "LAT": "Latvia", "EST": "Estonia", "TUR": "Turkey", "ISR": "Israel", "EGY": "Egypt",
    "MAR": "Morocco", "ALG": "Algeria", "TUN": "Tunisia", "RSA": "South Africa",
    "NGR": "Nigeria", "GHA": "Ghana", "KEN": "Kenya", "ETH": "Ethiopia", "UGA": "Uganda",
    "IND": "India", "PAK": "Pakistan", "INA": "Indonesia", "MAS": "Malaysia",
    "THA": "Thailand", "PHI": "Philippines", "VIE": "Vietnam", "TPE": "Chinese Taipei",
    "HKG": "Hong Kong", "KAZ": "Kazakhstan", "UZB": "Uzbekistan", "IRI": "Iran",
    "QAT": "Qatar", "KSA": "Saudi Arabia", "GEO": "Georgia", "ARM": "Armenia",
    "AZE": "Azerbaijan", "FIJ": "Fiji",
}
RECORD_MARKS = {"WR": "world record", "OR": "Olympic record", "NR": "national record",
                "PB": "personal best", "SB": "season's best", "AR": "area record",
                "CR": "championship record", "GR": "Games record"}
