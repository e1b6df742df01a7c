"""The fixed vocabularies of the program. Stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class MenteeRole(StrEnum):
    RESIDENT = "resident"
    ATTENDING = "attending"


class MenteeStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    LEFT = "left"


class AssignmentKind(StrEnum):
    PRIMARY = "primary"
    PEER = "peer"
    CULTURAL = "cultural"
    SPECIALTY = "specialty"


class CheckinStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    MISSED = "missed"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"  # planned after the mentee left: history, never overdue


class CheckinFormat(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


class CheckinTopic(StrEnum):
    CLINICAL = "clinical"
    CULTURAL = "cultural"
    ADMINISTRATIVE = "administrative"
    WELLBEING = "wellbeing"
    CAREER = "career"


class ObserverRole(StrEnum):
    MENTOR = "mentor"
    SELF = "self"
    PEER = "peer"
    NURSE = "nurse"
    PATIENT_FEEDBACK = "patient_feedback"


class AssessmentMethod(StrEnum):
    DIRECT_OBSERVATION = "direct_observation"
    CASE_DISCUSSION = "case_discussion"
    SELF_REPORT = "self_report"
    CHART_REVIEW = "chart_review"


class Tier(StrEnum):
    """The three sides that must stay aligned around each physician."""

    HOSPITAL = "hospital"
    ACCREDITATION = "accreditation"
    GOVERNMENT = "government"


class CredentialStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    RENEWING = "renewing"
    EXPIRED = "expired"
    COMPLETED = "completed"
    REVOKED = "revoked"


class InsightStatus(StrEnum):
    RAISED = "raised"
    DISCUSSED = "discussed"
    ACTED_ON = "acted_on"
    CLOSED = "closed"


class GoalProgressMode(StrEnum):
    JUDGED = "judged"
    TASKS = "tasks"


class GoalStatus(StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class ScheduleItemKind(StrEnum):
    CHECKIN = "checkin"
    MILESTONE = "milestone"


def label(value: StrEnum | str) -> str:
    """Human label of a stored value: ``"in_person"`` -> ``"In person"``."""
    text = str(value.value if isinstance(value, StrEnum) else value).replace("_", " ")
    return text[:1].upper() + text[1:]
