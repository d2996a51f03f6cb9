"""Word lists for reading American news text aloud: data only, the rules live in
`normalize.py`. Sources: AP style (titles, state abbreviations, months, party labels)."""

from __future__ import annotations

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
    "Univ.": "University", "Ph.D.": "P H D", "Ph.D": "P H D",
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
}
STATE_NAMES = ("Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah",
               "Alabama", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
               "Delaware", "Florida", "Georgia", "Illinois", "Indiana", "Kansas", "Kentucky",
               "Louisiana", "Maryland", "Massachusetts", "Michigan", "Minnesota",
               "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Oklahoma",
               "Oregon", "Pennsylvania", "Tennessee", "Vermont", "Virginia", "Washington",
               "Wisconsin", "Wyoming")

PARTIES = {"D": "Democrat", "R": "Republican", "I": "Independent", "L": "Libertarian"}

# All-capital abbreviations people say as words; any other is spelled out letter by letter.
ACRONYM_WORDS = frozenset({
    "NATO", "NASA", "COVID", "UNESCO", "UNICEF", "OPEC", "FEMA", "NAFTA", "ASEAN", "OSHA",
    "NASDAQ", "SWAT", "AIDS", "GIF", "JPEG", "PIN", "LASER", "RADAR", "SCOTUS", "POTUS",
    "FLOTUS", "DACA", "HAMAS", "ISIS", "CERN", "INTERPOL", "MERCOSUR", "UEFA", "FIFA", "ICE",
    "SARS", "MERS", "NIMBY", "EPCOT", "TASS", "CARES",
})

CURRENCIES = {"$": ("dollar", "dollars", "cent", "cents"),
              "€": ("euro", "euros", "cent", "cents"),
              "£": ("pound", "pounds", "penny", "pence"),
              "¥": ("yen", "yen", "", "")}
SCALES = {"thousand": "thousand", "million": "million", "billion": "billion",
          "trillion": "trillion", "k": "thousand", "K": "thousand", "m": "million",
          "M": "million", "mn": "million", "b": "billion", "B": "billion", "bn": "billion",
          "tn": "trillion", "T": "trillion"}

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

UNITS = {"mph": "miles per hour", "km/h": "kilometers per hour", "km": "kilometers",
         "kg": "kilograms", "lbs": "pounds", "lb": "pounds", "ft": "feet", "mi": "miles",
         "cm": "centimeters", "mm": "millimeters", "°F": "degrees Fahrenheit",
         "°C": "degrees Celsius", "MB": "megabytes", "GB": "gigabytes", "kWh": "kilowatt hours",
         "MW": "megawatts", "GW": "gigawatts", "sq ft": "square feet"}

# Roman numerals after these words are plain numbers ("World War Two"); after a name they
# are regnal ("Henry the Eighth").
ROMAN_CARDINAL_AFTER = {"War", "Bowl", "Title", "Chapter", "Phase", "Part", "Act", "Class",
                        "Stage", "Level", "Type", "Category", "Vatican", "Apollo", "Rocky"}
