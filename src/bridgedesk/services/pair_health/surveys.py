"""The adjustment survey: an editable template of short items (versioned like the checklist)
and each mentee's answers at 0, 6 and 12 months.

The program starts from BridgeDesk's default items (``resources/defaults/adjustment_survey.json``),
written as version 1 the first time anything is saved. Editing writes a new version; answers keep
pointing at the version they were given to, and items keep their key across versions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bridgedesk.assets import asset_path
from bridgedesk.domain.pair_health import (
    ITEM_TEXT_MAX,
    ITEMS_MAX,
    SURVEY_MONTHS,
    THEME_MAX,
    check_comment,
    check_scale,
)
from bridgedesk.errors import NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.storage.models import Mentee, SurveyResponse, SurveyTemplate

DEFAULT_FILE = "defaults/adjustment_survey.json"


@dataclass(frozen=True)
class SurveyItem:
    key: str
    theme: str
    text: str


@dataclass(frozen=True)
class SurveyForm:
    """One version of the survey's wording (``id`` None: the default, not saved yet)."""

    id: int | None
    version: int
    name: str
    items: tuple[SurveyItem, ...]


@dataclass(frozen=True)
class SurveyAnswers:
    """A mentee's answers to one survey, with the wording they were given to."""

    mentee_id: int
    month: int
    answered_on: dt.date
    form: SurveyForm
    answers: dict[str, int]  # item key -> 1..5; unanswered items are absent
    comment: str

    @property
    def mean(self) -> float | None:
        return sum(self.answers.values()) / len(self.answers) if self.answers else None


def _items(data: Sequence[Mapping[str, Any]]) -> tuple[SurveyItem, ...]:
    return tuple(SurveyItem(str(i["key"]), str(i["theme"]), str(i["text"])) for i in data)


def default_form() -> SurveyForm:
    with open(asset_path(DEFAULT_FILE), encoding="utf-8") as fh:
        data = json.load(fh)
    return SurveyForm(None, 1, str(data["name"]), _items(data["items"]))


def _form(row: SurveyTemplate) -> SurveyForm:
    return SurveyForm(row.id, row.version, row.name, _items(json.loads(row.items)))


def _latest(s: Session) -> SurveyTemplate | None:
    return s.scalar(select(SurveyTemplate).order_by(SurveyTemplate.version.desc()).limit(1))


def _write_version(s: Session, form: SurveyForm, actor: str) -> SurveyTemplate:
    items = [{"key": i.key, "theme": i.theme, "text": i.text} for i in form.items]
    row = SurveyTemplate(
        version=form.version,
        name=form.name,
        items=json.dumps(items, ensure_ascii=False),
        saved_by=actor,
    )
    s.add(row)
    s.flush()
    return row


def ensure_saved_template(s: Session, actor: str) -> SurveyTemplate:
    """The latest saved version, writing the default as version 1 when there is none."""
    return _latest(s) or _write_version(s, default_form(), actor)


def current_form(ctx: ServiceContext) -> SurveyForm:
    """The wording in use: the latest saved version, else the default."""
    with ctx.read() as s:
        row = _latest(s)
        return _form(row) if row is not None else default_form()


def template_problems(items: Sequence[tuple[str, str]]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not items:
        problems["items"] = "The survey needs at least one question."
    elif len(items) > ITEMS_MAX:
        problems["items"] = f"A survey can have at most {ITEMS_MAX} questions; keep it short."
    for n, (theme, text) in enumerate(items, start=1):
        if not text.strip():
            problems["items"] = f"Question {n} is empty; write it or remove the row."
        elif len(text) > ITEM_TEXT_MAX:
            problems["items"] = (
                f"Question {n} is {len(text):,} characters long; keep it under {ITEM_TEXT_MAX}."
            )
        elif len(theme) > THEME_MAX:
            problems["items"] = f"The theme of question {n} is longer than {THEME_MAX} characters."
    return problems


def save_template(
    ctx: ServiceContext, items: Sequence[tuple[str, str, str]], name: str = ""
) -> int:
    """Save edited questions as a new version; returns its number.

    ``items`` are (key, theme, text); an empty key marks a new question, which gets a new key.
    """
    cleaned = [(k.strip(), th.strip(), tx.strip()) for k, th, tx in items]
    problems = template_problems([(th, tx) for _k, th, tx in cleaned])
    if problems:
        raise ValidationError(problems)
    with ctx.unit_of_work() as s:
        latest = ensure_saved_template(s, ctx.actor)
        used = {i.key for i in _form(latest).items} | {k for k, _th, _tx in cleaned if k}
        out: list[SurveyItem] = []
        seen: set[str] = set()
        counter = 1
        for key, theme, text in cleaned:
            if not key or key in seen:
                while f"custom.{counter}" in used:
                    counter += 1
                key = f"custom.{counter}"
                used.add(key)
            seen.add(key)
            out.append(SurveyItem(key, theme or "General", text))
        form = SurveyForm(None, latest.version + 1, name.strip() or latest.name, tuple(out))
        return _write_version(s, form, ctx.actor).version


def answer_problems(
    form: SurveyForm,
    month: int,
    answered_on: dt.date,
    today: dt.date,
    answers: Mapping[str, int | None],
    comment: str,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if month not in SURVEY_MONTHS:
        problems["month"] = "Choose the survey at the start, at 6 months or at 12 months."
    if answered_on > today:
        problems["answered_on"] = "The answers cannot be dated in the future."
    texts = {i.key: i.text for i in form.items}
    for key, value in answers.items():
        if key not in texts:
            problems["answers"] = "An answer is for a question that is not in the survey."
        elif problem := check_scale(texts[key], value):
            problems["answers"] = problem
    if not any(v is not None for v in answers.values()) and "answers" not in problems:
        problems["answers"] = "Answer at least one question."
    if problem := check_comment("comment", comment):
        problems["comment"] = problem
    return problems


def record_answers(
    ctx: ServiceContext,
    mentee_id: int,
    month: int,
    answered_on: dt.date,
    today: dt.date,
    answers: Mapping[str, int | None],
    comment: str = "",
) -> int:
    """Save (or replace) a mentee's answers to the ``month``-month survey, on the current wording."""
    comment = comment.strip()
    with ctx.unit_of_work() as s:
        if s.get(Mentee, mentee_id) is None:
            raise NotFoundError(f"There is no mentee with id {mentee_id}.")
        template = ensure_saved_template(s, ctx.actor)
        form = _form(template)
        problems = answer_problems(form, month, answered_on, today, answers, comment)
        if problems:
            raise ValidationError(problems)
        stored = json.dumps({k: v for k, v in answers.items() if v is not None}, sort_keys=True)
        row = s.scalar(
            select(SurveyResponse).where(
                SurveyResponse.mentee_id == mentee_id, SurveyResponse.month == month
            )
        )
        if row is None:
            row = SurveyResponse(
                mentee_id=mentee_id, month=month, template_id=template.id,
                answered_on=answered_on, answers=stored, comment=comment,
            )  # fmt: skip
            s.add(row)
        else:
            for name, value in (
                ("template_id", template.id), ("answered_on", answered_on),
                ("answers", stored), ("comment", comment),
            ):  # fmt: skip
                if getattr(row, name) != value:
                    setattr(row, name, value)
        s.flush()
        return row.id


def read_answers(s: Session, mentee_ids: Sequence[int]) -> dict[int, list[SurveyAnswers]]:
    """Every answered survey of each mentee, earliest month first."""
    out: dict[int, list[SurveyAnswers]] = {mid: [] for mid in mentee_ids}
    if not mentee_ids:
        return out
    stmt = (
        select(SurveyResponse, SurveyTemplate)
        .join(SurveyTemplate, SurveyTemplate.id == SurveyResponse.template_id)
        .where(SurveyResponse.mentee_id.in_(list(mentee_ids)))
        .order_by(SurveyResponse.mentee_id, SurveyResponse.month)
    )
    forms: dict[int, SurveyForm] = {}
    for response, template in s.execute(stmt):
        form = forms.setdefault(template.id, _form(template))
        out[response.mentee_id].append(
            SurveyAnswers(
                response.mentee_id,
                response.month,
                response.answered_on,
                form,
                {str(k): int(v) for k, v in json.loads(response.answers).items()},
                response.comment,
            )
        )
    return out


def answered(ctx: ServiceContext, mentee_id: int) -> list[SurveyAnswers]:
    with ctx.read() as s:
        return read_answers(s, [mentee_id])[mentee_id]


def template_versions(ctx: ServiceContext) -> int:
    """How many versions of the wording were saved (0: the default is in use)."""
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(SurveyTemplate)) or 0)
