"""All models, imported here so the metadata is complete for Alembic and create_all."""

from sendboard.store.base import Base
from sendboard.store.models.actions import Action, ActionFile, ActionUpdate, action_partners
from sendboard.store.models.audit import AuditEntry
from sendboard.store.models.boards import Board, BoardRequiredRole, Membership, PriorityArea
from sendboard.store.models.escalations import Escalation, HighlightReport
from sendboard.store.models.files import StoredFile
from sendboard.store.models.invitations import HandOff, Invitation
from sendboard.store.models.measures import ActionMilestone, Measure, MeasureTarget, MeasureValue
from sendboard.store.models.meetings import (
    AgendaItem,
    AgendaTemplateItem,
    Meeting,
    MeetingSeries,
    Paper,
)
from sendboard.store.models.minutes import (
    Decision,
    Declaration,
    Interest,
    Minutes,
    MinuteSection,
    MinutesErratum,
)
from sendboard.store.models.packs import PackBuild
from sendboard.store.models.people import Organisation, Person
from sendboard.store.models.risks import Risk, RiskAction, RiskAppetite, RiskReview
from sendboard.store.models.settings import Setting
from sendboard.store.models.stocktake import (
    AssessmentEntry,
    EngagementEvent,
    EngagementFile,
    Requirement,
    RequirementEvidence,
)

__all__ = [
    "Action",
    "ActionFile",
    "ActionMilestone",
    "ActionUpdate",
    "AgendaItem",
    "AgendaTemplateItem",
    "AssessmentEntry",
    "AuditEntry",
    "Base",
    "Board",
    "BoardRequiredRole",
    "Decision",
    "Declaration",
    "EngagementEvent",
    "EngagementFile",
    "Escalation",
    "HandOff",
    "HighlightReport",
    "Interest",
    "Invitation",
    "Measure",
    "MeasureTarget",
    "MeasureValue",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "MinuteSection",
    "Minutes",
    "MinutesErratum",
    "Organisation",
    "PackBuild",
    "Paper",
    "Person",
    "PriorityArea",
    "Requirement",
    "RequirementEvidence",
    "Risk",
    "RiskAction",
    "RiskAppetite",
    "RiskReview",
    "Setting",
    "StoredFile",
    "action_partners",
]
