"""Home's models: the site-wide pages and snippets (core) and the programme content (programme)."""

from .core import (
    PAGE_TRANSLATABLE_FIELDS,
    FooterText,
    HomePage,
    MemberProfile,
    Organisation,
    Region,
    StandardPage,
    ThematicArea,
)
from .programme import (
    Addressee,
    ConsultationIndexPage,
    ConsultationOrganisation,
    ConsultationPage,
    FollowUpStatus,
    ForumIndexPage,
    ForumPage,
    RecommendationIndexPage,
    RecommendationPage,
    RecommendationTag,
    TrainingProgrammePage,
    TrainingSessionPage,
)

__all__ = [
    "PAGE_TRANSLATABLE_FIELDS",
    "Addressee",
    "ConsultationIndexPage",
    "ConsultationOrganisation",
    "ConsultationPage",
    "FollowUpStatus",
    "FooterText",
    "ForumIndexPage",
    "ForumPage",
    "HomePage",
    "MemberProfile",
    "Organisation",
    "RecommendationIndexPage",
    "RecommendationPage",
    "RecommendationTag",
    "Region",
    "StandardPage",
    "ThematicArea",
    "TrainingProgrammePage",
    "TrainingSessionPage",
]
