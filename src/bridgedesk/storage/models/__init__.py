"""ORM models. Importing this package registers every table on ``Base.metadata``."""

from bridgedesk.storage.models.attention import AttentionDecision
from bridgedesk.storage.models.audit import AuditEntry
from bridgedesk.storage.models.base import Base
from bridgedesk.storage.models.checklists import (
    Assessment,
    ChecklistDomain,
    ChecklistItem,
    ChecklistSummary,
    ChecklistTemplate,
    RatingLevel,
)
from bridgedesk.storage.models.credentials import (
    Credential,
    CredentialEventDate,
    CredentialKind,
    CredentialRuleVersion,
    ReminderAcknowledgement,
)
from bridgedesk.storage.models.insights import Insight
from bridgedesk.storage.models.matching import MatchingWeights
from bridgedesk.storage.models.pair_health import (
    CheckinPulse,
    FitCheck,
    SurveyResponse,
    SurveyTemplate,
)
from bridgedesk.storage.models.people import ComparisonPhysician, Mentee, Mentor, MentorAssignment
from bridgedesk.storage.models.program import (
    ExitReason,
    Phase,
    ScheduleItem,
    ScheduleTemplate,
    Setting,
    Site,
)
from bridgedesk.storage.models.timeline import Action, Checkin, Goal, GoalTask, Milestone

__all__ = [
    "Action",
    "Assessment",
    "AttentionDecision",
    "AuditEntry",
    "Base",
    "Checkin",
    "CheckinPulse",
    "ChecklistDomain",
    "ChecklistItem",
    "ChecklistSummary",
    "ChecklistTemplate",
    "ComparisonPhysician",
    "Credential",
    "CredentialEventDate",
    "ReminderAcknowledgement",
    "CredentialKind",
    "CredentialRuleVersion",
    "ExitReason",
    "FitCheck",
    "Goal",
    "GoalTask",
    "Insight",
    "MatchingWeights",
    "Mentee",
    "Mentor",
    "MentorAssignment",
    "Milestone",
    "Phase",
    "RatingLevel",
    "ScheduleItem",
    "ScheduleTemplate",
    "Setting",
    "Site",
    "SurveyResponse",
    "SurveyTemplate",
]
