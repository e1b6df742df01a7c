"""The sentences a demo program is written with: summaries, actions, goals, insights, exits."""

from __future__ import annotations

SPECIALTIES = (
    "Family Medicine",
    "Internal Medicine",
    "Hospital Medicine",
    "Emergency Medicine",
    "Pediatrics",
    "Psychiatry",
    "General Surgery",
    "Obstetrics and Gynecology",
)
VISA_KINDS = (
    "J-1 waiver (Conrad 30)",
    "H-1B",
    "J-1 visa",
    "Permanent resident",
    "National Interest Waiver",
)
SITES = (
    ("Cedar Valley Regional Hospital", "Montana"),
    ("Pine Ridge Community Hospital", "Montana"),
    ("Bitterroot Critical Access Hospital", "Idaho"),
)
SETTINGS = {
    "hospital_name": "Cedar Valley Regional Hospital",
    "program_name": "IMG Bridge Mentorship Program",
    "director_name": "Dr. Eleanor Marsh",
}
MENTOR_GIVEN = (
    "Anne",
    "Brian",
    "Catherine",
    "Daniel",
    "Emily",
    "Frank",
    "Grace",
    "Henry",
    "Irene",
    "Jack",
    "Karen",
    "Luis",
    "Monica",
    "Nathan",
    "Olivia",
    "Paul",
    "Rosa",
    "Steven",
    "Teresa",
    "Victor",
)
MENTOR_FAMILY = (
    "Anderson",
    "Baker",
    "Carter",
    "Dawson",
    "Ellis",
    "Fischer",
    "Gallagher",
    "Hughes",
    "Ingram",
    "Johansson",
    "Keller",
    "Lindqvist",
    "Morgan",
    "Novak",
    "O'Brien",
    "Parker",
    "Quinn",
    "Russo",
)
SUMMARIES = {
    "clinical": "Reviewed two difficult admissions; discussed local sepsis pathway and escalation.",
    "cultural": "Talked through a family meeting where the patient deferred decisions to her son.",
    "administrative": "Went over documentation for billing and the prior-authorisation queue.",
    "wellbeing": "Housing is settled; spouse is looking for work; sleep has improved since nights ended.",
    "career": "Discussed board exam timeline and interest in teaching residents next year.",
}
PRIVATE_NOTES = (
    "Seems more tired than they admit; follow up gently about workload.",
    "Mentioned a patient's remark about their accent; offered the incident reporting route.",
    "Financial strain from remittances home; pointed to the hospital's relocation fund.",
    "Conflict with a night nurse resolved after a joint conversation.",
)
ACTIONS = (
    "Shadow the charge nurse for one shift",
    "Book the interpreter-service refresher",
    "Submit DEA renewal paperwork",
    "Prepare a 15-minute teaching session for the residents",
    "Meet the county public health nurse",
    "Complete the billing documentation module",
    "Visit the tribal health clinic with the community mentor",
)
GOALS = (
    (
        "Confident independent night call",
        ("Observe three night shifts", "Lead handoff for a week", "Solo call with backup"),
    ),
    (
        "Pass board certification",
        ("Register for the exam", "Complete question bank", "Sit the exam"),
    ),
    (
        "Build trust with the local community",
        ("Attend a county fair clinic", "Meet a faith leader", "Join a school health talk"),
    ),
    (
        "Master billing and documentation",
        ("Finish the coding course", "Audit ten own notes with the coder"),
    ),
    ("Teach a session on tropical medicine", ("Draft the slides", "Deliver the session")),
)
INSIGHTS = (
    (
        "Language access",
        "Interpreters are booked only on weekdays; weekend admissions go without.",
        "Added a phone interpreter line to the weekend admission checklist.",
    ),
    (
        "Clinical practice",
        "TB screening of new farm workers is inconsistent compared with practice abroad.",
        "Standing order for TB screening at first clinic visit.",
    ),
    (
        "Patient safety",
        "Medication reconciliation misses herbal remedies common in the community.",
        "Herbal-remedy question added to the admission template.",
    ),
    (
        "Team working",
        "Nurses hesitate to question a new physician's orders.",
        "Monthly joint nurse-physician huddle started.",
    ),
    (
        "Community",
        "Patients from the reservation miss follow-ups for lack of transport.",
        "Partnered with the tribal transit service for clinic days.",
    ),
    (
        "Education",
        "Residents know little about diseases seen in returning travellers.",
        "Quarterly global-health teaching slot in grand rounds.",
    ),
)
COMPLETED_REASON = "Completed the program"
# (a reason of the default list, resources/defaults/exit_reasons.json; the details in words)
EXIT_REASONS = (
    ("Family or personal reasons", "Spouse could not find work locally."),
    (
        "Position elsewhere (career or fellowship)",
        "Moved to an urban academic centre for fellowship.",
    ),
    ("Visa or waiver problem", "Waiver site change was not approved in time."),
    ("Burnout, isolation or wellbeing", "Returned home."),
    ("Family or personal reasons", "Took a position closer to relatives in Chicago."),
)
ASSIGNMENT_END_REASONS = (
    "Mentor left the hospital.",
    "Schedules were incompatible.",
    "Mentee asked for a mentor in the same specialty.",
)
COMPARISON_EXIT_REASONS = (
    "Moved to a larger city.",
    "Family reasons.",
    "Higher salary elsewhere.",
    "Retired.",
)
