"""Sample roster data for import/export tests: names in many scripts and hostile strings."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

# (given names, family name, native name) in 40+ scripts
SCRIPT_NAMES: list[tuple[str, str, str]] = [
    ("Selam", "Tesfaye", "ሰላም ተስፋዬ"),  # Ethiopic
    ("Mohammed", "Abdullah", "محمد عبد الله"),  # Arabic
    ("Noa", "Cohen", "נועה כהן"),  # Hebrew
    ("Priya", "Sharma", "प्रिया शर्मा"),  # Devanagari
    ("Rahim", "Uddin", "রহিম উদ্দিন"),  # Bengali
    ("Kavitha", "Raman", "கவிதா ராமன்"),  # Tamil
    ("Lakshmi", "Reddy", "లక్ష్మి రెడ్డి"),  # Telugu
    ("Hetal", "Patel", "હેતલ પટેલ"),  # Gujarati
    ("Gurpreet", "Singh", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"),  # Gurmukhi
    ("Anil", "Kumar", "ಅನಿಲ್ ಕುಮಾರ್"),  # Kannada
    ("Anjali", "Nair", "അഞ്ജലി നായർ"),  # Malayalam
    ("Nimal", "Perera", "නිමල් පෙරේරා"),  # Sinhala
    ("Somchai", "Jaidee", "สมชาย ใจดี"),  # Thai
    ("Souk", "Vongsa", "ສຸກ ວົງສາ"),  # Lao
    ("Sokha", "Chan", "សុខា ចាន់"),  # Khmer
    ("Aung", "Kyaw", "အောင် ကျော်"),  # Myanmar
    ("Tenzin", "Dorje", "བསྟན་འཛིན་ རྡོ་རྗེ"),  # Tibetan
    ("Xiaoming", "Wang", "王小明"),  # Chinese
    ("Hanako", "Yamada", "やまだ はなこ"),  # Japanese kana
    ("Minjun", "Kim", "김민준"),  # Korean
    ("Olga", "Ivanova", "Ольга Иванова"),  # Cyrillic
    ("Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου"),  # Greek
    ("Ani", "Petrosyan", "Անի Պետրոսյան"),  # Armenian
    ("Nino", "Beridze", "ნინო ბერიძე"),  # Georgian
    ("Anh", "Nguyen", "Nguyễn Thị Ánh"),  # Vietnamese
    ("Bat", "Erdene", "ᠪᠠᠲᠤ ᠡᠷᠳᠡᠨᠢ"),  # Mongolian
    ("Gabriel", "Yaqub", "ܓܒܪܝܐܝܠ ܝܥܩܘܒ"),  # Syriac
    ("Aishath", "Ali", "އާއިޝަތު ޢަލީ"),  # Thaana
    ("Fanta", "Kante", "ߝߊ߲ߕߊ ߞߊ߲ߕߍ"),  # N'Ko
    ("Sequoyah", "Guess", "ᏍᏏᏉᏯ ᎩᏍ"),  # Cherokee
    ("Mary", "Cree", "ᒥᐊᕆ ᓀᐦᐃᔭᐤ"),  # Canadian syllabics
    ("Tafsut", "Amazigh", "ⵜⴰⴼⵙⵓⵜ ⴰⵎⴰⵣⵉⵖ"),  # Tifinagh
    ("Ayi", "Luo", "ꀉꑳ ꆹꇉ"),  # Yi
    ("Budi", "Santoso", "ꦧꦸꦢꦶ ꦱꦤ꧀ꦠꦺꦴꦱ"),  # Javanese
    ("Made", "Wirawan", "ᬫᬤᬾ ᬯᬶᬭᬯᬦ᭄"),  # Balinese
    ("Asep", "Sunarya", "ᮃᮞᮨᮕ᮪ ᮞᮥᮔᮁᮚ"),  # Sundanese
    ("Sido", "Murmu", "ᱥᱤᱫᱳ ᱢᱩᱨᱢᱩ"),  # Ol Chiki
    ("Momolu", "Duwalu", "ꗞꗞꕞ ꔰꕞ"),  # Vai
    ("Aissatou", "Diallo", "𞤀𞤭𞤧𞤢𞤼𞤵 𞤔𞤢𞤤𞤮"),  # Adlam
    ("José", "Müller", "José Müller"),  # Latin with diacritics
    ("Zoë", "Ðorđević", "Zoë Đorđević"),  # Latin extended
    ("Łukasz", "Wąsowski", "Łukasz Wąsowski"),  # Polish
    ("Aigerim", "Nurlanqyzy", "Айгерім Нұрланқызы"),  # Kazakh Cyrillic
    ("Dawit", "Bekele", "ዶ/ር ዳዊት በቀለ"),  # Ethiopic with a slash
]

HOSTILE = [
    "<b>&amp;</para>",
    'say "hi"',
    "=SUM(A1)",
    "+1",
    "-5",
    "@x",
    "O'Brien & <Co>",
    "'=already",
]


def sample_rows(count: int, start: dt.date = dt.date(2025, 7, 1)) -> list[dict[str, str]]:
    """``count`` distinct rows cycling through the scripts and hostile strings."""
    rows = []
    for i in range(count):
        given, family, native = SCRIPT_NAMES[i % len(SCRIPT_NAMES)]
        hostile = HOSTILE[i % len(HOSTILE)]
        rows.append(
            {
                "Given names": given if i % 3 else native.split(" ")[0],
                "Family name": f"{family}{i // len(SCRIPT_NAMES) or ''}",
                "Native name": native,
                "Preferred name": hostile,
                "Pronouns": "she/her" if i % 2 else "",
                "Country of training": "Ethiopia",
                "Medical school": hostile,
                "Graduation year": str(2000 + i % 20),
                "Specialty": "Family medicine",
                "Role": "attending" if i % 5 == 0 else "resident",
                "Site": f"Site {i % 3}",
                "Start date": (start + dt.timedelta(days=i % 400)).isoformat(),
                "Email": f"p{i}@example.org",
                "Phone": "+1 555 0100" if i % 2 else "-5",
                "Languages": "Amharic, English",
                "Visa": "J-1",
                "Notes": f"note {i}: {hostile}\nsecond line",
            }
        )
    return rows


def write_csv(
    path: Path,
    rows: list[dict[str, str]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    headers: list[str] | None = None,
) -> Path:
    headers = headers or list(rows[0])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path
