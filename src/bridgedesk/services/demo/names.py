"""Native-script and Latin name pairs by country, for realistic demo mentees.

Each country lists given and family names as (native, Latin) pairs so that a demo mentee's
``native_name`` and legal Latin name agree. ``family_first`` marks scripts where the native
form is written family name first (Chinese, Japanese, Korean, Vietnamese).
"""

from __future__ import annotations

from dataclasses import dataclass

NamePair = tuple[str, str]  # (native, Latin)


@dataclass(frozen=True)
class CountryNames:
    country: str
    script: str
    given: tuple[NamePair, ...]
    family: tuple[NamePair, ...]
    school: str
    languages: str
    family_first: bool = False
    native_space: str = " "


COUNTRIES: tuple[CountryNames, ...] = (
    CountryNames(
        "Ethiopia",
        "Ethiopic",
        (
            ("ሰላም", "Selam"),
            ("ዳዊት", "Dawit"),
            ("ሄኖክ", "Henok"),
            ("ብርሃን", "Birhan"),
            ("መሰረት", "Meseret"),
        ),
        (("ተስፋዬ", "Tesfaye"), ("ገብረ", "Gebre"), ("አለሙ", "Alemu"), ("በቀለ", "Bekele")),
        "Addis Ababa University School of Medicine",
        "Amharic, English",
    ),
    CountryNames(
        "Eritrea",
        "Ethiopic",
        (("ሳምራዊት", "Samrawit"), ("ዮናስ", "Yonas"), ("ፍሬ", "Fre"), ("ሚካኤል", "Michael")),
        (("ተኽለ", "Tekle"), ("ሃብተ", "Habte"), ("ወልደ", "Welde")),
        "Orotta College of Medicine",
        "Tigrinya, English",
    ),
    CountryNames(
        "Nigeria",
        "Latin",
        (
            ("Chinedu", "Chinedu"),
            ("Ngozi", "Ngozi"),
            ("Oluwaseun", "Oluwaseun"),
            ("Adaeze", "Adaeze"),
        ),
        (("Okafor", "Okafor"), ("Adeyemi", "Adeyemi"), ("Nwosu", "Nwosu"), ("Balogun", "Balogun")),
        "University of Lagos College of Medicine",
        "English, Yoruba",
    ),
    CountryNames(
        "Egypt",
        "Arabic",
        (("محمد", "Mohamed"), ("فاطمة", "Fatma"), ("أحمد", "Ahmed"), ("نورا", "Noura")),
        (("عبد الله", "Abdallah"), ("حسن", "Hassan"), ("السيد", "Elsayed"), ("مصطفى", "Mostafa")),
        "Cairo University Faculty of Medicine",
        "Arabic, English",
    ),
    CountryNames(
        "Jordan",
        "Arabic",
        (("ليلى", "Layla"), ("عمر", "Omar"), ("رنا", "Rana"), ("خالد", "Khaled")),
        (("الحسيني", "Al-Husseini"), ("حداد", "Haddad"), ("النمري", "Al-Nimri")),
        "University of Jordan School of Medicine",
        "Arabic, English",
    ),
    CountryNames(
        "Syria",
        "Arabic",
        (("سامر", "Samer"), ("هبة", "Hiba"), ("يوسف", "Youssef")),
        (("الخطيب", "Al-Khatib"), ("العلي", "Al-Ali"), ("شامي", "Shami")),
        "Damascus University Faculty of Medicine",
        "Arabic, English",
    ),
    CountryNames(
        "Sudan",
        "Arabic",
        (("أمل", "Amal"), ("عثمان", "Osman"), ("مريم", "Mariam")),
        (("إبراهيم", "Ibrahim"), ("الطيب", "Eltayeb"), ("عوض", "Awad")),
        "University of Khartoum Faculty of Medicine",
        "Arabic, English",
    ),
    CountryNames(
        "Pakistan",
        "Arabic",
        (("عائشہ", "Ayesha"), ("عمران", "Imran"), ("زینب", "Zainab"), ("فیصل", "Faisal")),
        (("خان", "Khan"), ("قریشی", "Qureshi"), ("ملک", "Malik")),
        "King Edward Medical University",
        "Urdu, Punjabi, English",
    ),
    CountryNames(
        "India",
        "Devanagari",
        (
            ("प्रिया", "Priya"),
            ("राहुल", "Rahul"),
            ("अनीता", "Anita"),
            ("विकास", "Vikas"),
            ("सुनीता", "Sunita"),
        ),
        (("शर्मा", "Sharma"), ("वर्मा", "Verma"), ("गुप्ता", "Gupta"), ("सिंह", "Singh")),
        "All India Institute of Medical Sciences",
        "Hindi, English",
    ),
    CountryNames(
        "India",
        "Tamil",
        (("கார்த்திக்", "Karthik"), ("மீனா", "Meena"), ("அருண்", "Arun")),
        (("சுப்ரமணியன்", "Subramanian"), ("ராஜன்", "Rajan"), ("கிருஷ்ணன்", "Krishnan")),
        "Madras Medical College",
        "Tamil, English",
    ),
    CountryNames(
        "Nepal",
        "Devanagari",
        (("सुजाता", "Sujata"), ("बिकास", "Bikash"), ("आशा", "Asha")),
        (("श्रेष्ठ", "Shrestha"), ("थापा", "Thapa"), ("गुरुङ", "Gurung")),
        "Institute of Medicine, Tribhuvan University",
        "Nepali, English",
    ),
    CountryNames(
        "Bangladesh",
        "Bengali",
        (("তানভীর", "Tanvir"), ("নুসরাত", "Nusrat"), ("রফিক", "Rafiq"), ("শাহানা", "Shahana")),
        (("রহমান", "Rahman"), ("হোসেন", "Hossain"), ("চৌধুরী", "Chowdhury")),
        "Dhaka Medical College",
        "Bengali, English",
    ),
    CountryNames(
        "Sri Lanka",
        "Sinhala",
        (("නිමල්", "Nimal"), ("දිල්රුක්ෂි", "Dilrukshi"), ("කසුන්", "Kasun")),
        (("පෙරේරා", "Perera"), ("ප්‍රනාන්දු", "Fernando"), ("සිල්වා", "Silva")),
        "University of Colombo Faculty of Medicine",
        "Sinhala, English",
    ),
    CountryNames(
        "China",
        "Chinese",
        (("小明", "Xiaoming"), ("丽华", "Lihua"), ("伟", "Wei"), ("静", "Jing")),
        (("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("陈", "Chen")),
        "Peking Union Medical College",
        "Mandarin, English",
        family_first=True,
        native_space="",
    ),
    CountryNames(
        "Japan",
        "Japanese",
        (("健太", "Kenta"), ("さくら", "Sakura"), ("翔", "Sho"), ("由美", "Yumi")),
        (("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka")),
        "University of Tokyo Faculty of Medicine",
        "Japanese, English",
        family_first=True,
        native_space="",
    ),
    CountryNames(
        "South Korea",
        "Korean",
        (("민준", "Minjun"), ("서연", "Seoyeon"), ("지훈", "Jihoon"), ("수진", "Sujin")),
        (("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi")),
        "Seoul National University College of Medicine",
        "Korean, English",
        family_first=True,
        native_space="",
    ),
    CountryNames(
        "Vietnam",
        "Vietnamese",
        (
            ("Thị Ánh", "Thi Anh"),
            ("Văn Hùng", "Van Hung"),
            ("Minh Châu", "Minh Chau"),
            ("Quốc Bảo", "Quoc Bao"),
        ),
        (("Nguyễn", "Nguyen"), ("Trần", "Tran"), ("Lê", "Le"), ("Phạm", "Pham")),
        "Hanoi Medical University",
        "Vietnamese, English",
        family_first=True,
    ),
    CountryNames(
        "Thailand",
        "Thai",
        (("สมชาย", "Somchai"), ("มาลี", "Malee"), ("ธนา", "Thana")),
        (("ศรีสุข", "Srisuk"), ("วงศ์ใหญ่", "Wongyai"), ("แก้วมณี", "Kaewmanee")),
        "Mahidol University Faculty of Medicine Siriraj Hospital",
        "Thai, English",
    ),
    CountryNames(
        "Philippines",
        "Latin",
        (("Maria Clara", "Maria Clara"), ("Jose", "Jose"), ("Angelica", "Angelica")),
        (("Santos", "Santos"), ("Reyes", "Reyes"), ("Dela Cruz", "Dela Cruz")),
        "University of the Philippines College of Medicine",
        "Filipino, English",
    ),
    CountryNames(
        "Russia",
        "Cyrillic",
        (("Ольга", "Olga"), ("Дмитрий", "Dmitry"), ("Анна", "Anna"), ("Сергей", "Sergey")),
        (
            ("Иванова", "Ivanova"),
            ("Петров", "Petrov"),
            ("Смирнова", "Smirnova"),
            ("Кузнецов", "Kuznetsov"),
        ),
        "Sechenov First Moscow State Medical University",
        "Russian, English",
    ),
    CountryNames(
        "Ukraine",
        "Cyrillic",
        (("Олена", "Olena"), ("Тарас", "Taras"), ("Ірина", "Iryna")),
        (("Шевченко", "Shevchenko"), ("Коваленко", "Kovalenko"), ("Бондаренко", "Bondarenko")),
        "Bogomolets National Medical University",
        "Ukrainian, English",
    ),
    CountryNames(
        "Iran",
        "Persian",
        (("مریم", "Maryam"), ("علی", "Ali"), ("نگار", "Negar"), ("رضا", "Reza")),
        (("حسینی", "Hosseini"), ("رضایی", "Rezaei"), ("کریمی", "Karimi")),
        "Tehran University of Medical Sciences",
        "Persian, English",
    ),
    CountryNames(
        "Israel",
        "Hebrew",
        (("נועה", "Noa"), ("יונתן", "Yonatan"), ("תמר", "Tamar")),
        (("כהן", "Cohen"), ("לוי", "Levi"), ("מזרחי", "Mizrahi")),
        "Hebrew University-Hadassah School of Medicine",
        "Hebrew, English",
    ),
    CountryNames(
        "Greece",
        "Greek",
        (("Ελένη", "Eleni"), ("Γιώργος", "Georgios"), ("Κατερίνα", "Katerina")),
        (("Παπαδοπούλου", "Papadopoulou"), ("Νικολάου", "Nikolaou"), ("Γεωργίου", "Georgiou")),
        "National and Kapodistrian University of Athens Medical School",
        "Greek, English",
    ),
    CountryNames(
        "Brazil",
        "Latin",
        (("João", "João"), ("Ana Luísa", "Ana Luísa"), ("Thiago", "Thiago")),
        (("Silva", "Silva"), ("Oliveira", "Oliveira"), ("Araújo", "Araújo")),
        "Universidade de São Paulo Faculdade de Medicina",
        "Portuguese, English",
    ),
    CountryNames(
        "Mexico",
        "Latin",
        (("Alejandro", "Alejandro"), ("Guadalupe", "Guadalupe"), ("Sofía", "Sofía")),
        (("Hernández", "Hernández"), ("García", "García"), ("Martínez", "Martínez")),
        "Universidad Nacional Autónoma de México",
        "Spanish, English",
    ),
    CountryNames(
        "Colombia",
        "Latin",
        (("Valentina", "Valentina"), ("Andrés", "Andrés"), ("Camila", "Camila")),
        (("Rodríguez", "Rodríguez"), ("Gómez", "Gómez"), ("López", "López")),
        "Universidad Nacional de Colombia",
        "Spanish, English",
    ),
)


def native_full_name(country: CountryNames, given: NamePair, family: NamePair) -> str:
    """The name as written in its own script, or "" when the script is Latin already."""
    if country.script == "Latin":
        return ""
    if country.family_first:
        return f"{family[0]}{country.native_space}{given[0]}"
    return f"{given[0]} {family[0]}"


MENTOR_NAMES: tuple[tuple[str, str, bool], ...] = (
    # (Latin name, native name, former IMG)
    ("Dr. Margaret Holloway", "", False),
    ("Dr. James Whitfield", "", False),
    ("Dr. Linda Okonkwo-Reyes", "", True),
    ("Dr. Rajesh Iyer", "राजेश अय्यर", True),
    ("Dr. Samuel Brandt", "", False),
    ("Dr. Hana Mekonnen", "ሐና መኮንን", True),
    ("Dr. Elena Vasquez", "", True),
    ("Dr. Thomas Reed", "", False),
    ("Dr. Yasmin Haddad", "ياسمين حداد", True),
    ("Dr. Carol Jensen", "", False),
    ("Dr. Nguyen Van Long", "Nguyễn Văn Long", True),
    ("Pastor Ruth Ellison", "", False),
    ("Dr. Peter Kowalski", "", False),
    ("Dr. Mei Lin", "林美", True),
    ("Dr. David Hart", "", False),
    ("Ms. Dolores Whitehorse", "", False),
)

# The named demo mentors' languages and country of training, so matching has something to
# compare; the others: a former IMG gets a training country's, the rest English and the US.
MENTOR_BACKGROUNDS: dict[str, tuple[str, str]] = {
    "Dr. Linda Okonkwo-Reyes": ("English, Yoruba, Spanish", "Nigeria"),
    "Dr. Rajesh Iyer": ("English, Hindi, Tamil", "India"),
    "Dr. Hana Mekonnen": ("Amharic, English, Tigrinya", "Ethiopia"),
    "Dr. Elena Vasquez": ("Spanish, English", "Mexico"),
    "Dr. Yasmin Haddad": ("Arabic, English, French", "Jordan"),
    "Dr. Nguyen Van Long": ("Vietnamese, English", "Vietnam"),
    "Dr. Mei Lin": ("Mandarin, English", "China"),
}


def mentor_background(index: int, name: str, former: bool) -> tuple[str, str]:
    """(languages, country of training) of the index-th demo mentor, without using the rng
    (so the rest of the demo stays the same for a seed)."""
    if name in MENTOR_BACKGROUNDS:
        return MENTOR_BACKGROUNDS[name]
    if former:
        country = COUNTRIES[index % len(COUNTRIES)]
        return country.languages, country.country
    return "English", "United States"
