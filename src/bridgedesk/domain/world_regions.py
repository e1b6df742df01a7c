"""Which world region a country of training belongs to (the World Bank's seven regions).

Used by mentor matching: a mentor who trained in the same region as the mentee (but not the
same country) shares part of the experience. A country not listed has no region, so only the
same country counts for it. Names are compared without case, accents or extra spaces.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

SUB_SAHARAN_AFRICA = "Sub-Saharan Africa"
MIDDLE_EAST_NORTH_AFRICA = "Middle East and North Africa"
SOUTH_ASIA = "South Asia"
EAST_ASIA_PACIFIC = "East Asia and Pacific"
EUROPE_CENTRAL_ASIA = "Europe and Central Asia"
LATIN_AMERICA_CARIBBEAN = "Latin America and the Caribbean"
NORTH_AMERICA = "North America"

_REGIONS: dict[str, tuple[str, ...]] = {
    SUB_SAHARAN_AFRICA: (
        "Angola", "Benin", "Botswana", "Burkina Faso", "Burundi", "Cameroon", "Cape Verde",
        "Central African Republic", "Chad", "Congo", "Democratic Republic of the Congo",
        "DR Congo", "Côte d'Ivoire", "Ivory Coast", "Eritrea", "Eswatini", "Ethiopia", "Gabon",
        "Gambia", "Ghana", "Guinea", "Kenya", "Lesotho", "Liberia", "Madagascar", "Malawi",
        "Mali", "Mauritania", "Mauritius", "Mozambique", "Namibia", "Niger", "Nigeria",
        "Rwanda", "Senegal", "Sierra Leone", "Somalia", "South Africa", "South Sudan", "Sudan",
        "Tanzania", "Togo", "Uganda", "Zambia", "Zimbabwe",
    ),
    MIDDLE_EAST_NORTH_AFRICA: (
        "Algeria", "Bahrain", "Egypt", "Iran", "Iraq", "Israel", "Jordan", "Kuwait", "Lebanon",
        "Libya", "Morocco", "Oman", "Palestine", "Qatar", "Saudi Arabia", "Syria", "Tunisia",
        "United Arab Emirates", "UAE", "Yemen",
    ),
    SOUTH_ASIA: (
        "Afghanistan", "Bangladesh", "Bhutan", "India", "Maldives", "Nepal", "Pakistan",
        "Sri Lanka",
    ),
    EAST_ASIA_PACIFIC: (
        "Australia", "Cambodia", "China", "Fiji", "Hong Kong", "Indonesia", "Japan", "Laos",
        "Malaysia", "Mongolia", "Myanmar", "New Zealand", "Papua New Guinea", "Philippines",
        "Singapore", "South Korea", "Korea", "Taiwan", "Thailand", "Vietnam", "Viet Nam",
    ),
    EUROPE_CENTRAL_ASIA: (
        "Albania", "Armenia", "Austria", "Azerbaijan", "Belarus", "Belgium",
        "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Czech Republic",
        "Denmark", "Estonia", "Finland", "France", "Georgia", "Germany", "Greece", "Hungary",
        "Iceland", "Ireland", "Italy", "Kazakhstan", "Kosovo", "Kyrgyzstan", "Latvia",
        "Lithuania", "Luxembourg", "Malta", "Moldova", "Montenegro", "Netherlands",
        "North Macedonia", "Norway", "Poland", "Portugal", "Romania", "Russia",
        "Russian Federation", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden",
        "Switzerland", "Tajikistan", "Turkey", "Türkiye", "Turkmenistan", "Ukraine",
        "United Kingdom", "UK", "Uzbekistan",
    ),
    LATIN_AMERICA_CARIBBEAN: (
        "Argentina", "Bahamas", "Barbados", "Belize", "Bolivia", "Brazil", "Chile", "Colombia",
        "Costa Rica", "Cuba", "Dominica", "Dominican Republic", "Ecuador", "El Salvador",
        "Grenada", "Guatemala", "Guyana", "Haiti", "Honduras", "Jamaica", "Mexico", "Nicaragua",
        "Panama", "Paraguay", "Peru", "Saint Lucia", "Suriname", "Trinidad and Tobago",
        "Uruguay", "Venezuela",
    ),
    NORTH_AMERICA: ("Canada", "United States", "USA", "Bermuda"),
}  # fmt: skip


@lru_cache(maxsize=4096)
def country_key(name: str) -> str:
    """A country name reduced for comparing: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").casefold().split())


_BY_COUNTRY: dict[str, str] = {
    country_key(country): region for region, countries in _REGIONS.items() for country in countries
}


def region_of(country: str) -> str:
    """The region of a country of training, or "" when the country is not known here."""
    return _BY_COUNTRY.get(country_key(country), "")
