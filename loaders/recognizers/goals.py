"""Numbered goals and themes with their text ("Thema 1.1 Jeugd", "2.1- In Oude IJsselstreek is ...").

A heading is a goal when its text holds a goal section label ("Wat willen we bereiken") or a lone status
marker (an exported icon such as "G"). A marker becomes a status of that goal for the document's period,
with its meaning taken from the status vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.recognizers.headings import Heading, find_headings
from loaders.recognizers.metadata import DocumentContext
from loaders.recognizers.sections import goal_section, is_goal_stop, is_noise
from model.document import Line
from model.periods import ParsedPeriod, parse_period
from model.records import Activity, Goal, StatusReport, WarningRecord
from model.statuses import match_status

_MAX_MARKER = 3


@dataclass
class GoalResult:
    """Goals, the activities and statuses that lone markers give, the period they use, and warnings."""

    goals: list[Goal] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    statuses: list[StatusReport] = field(default_factory=list)
    periods: list[ParsedPeriod] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)


def _marker(line: Line, context: DocumentContext) -> bool:
    return len(line.text) <= _MAX_MARKER and match_status(line.text, context.info.municipality, context.legend).known


def _body(lines: list[Line], heading: Heading, end: int) -> list[Line]:
    body = []
    for line in lines[heading.index + 1 : end]:
        if is_goal_stop(line.text):
            break
        if not is_noise(line.text):
            body.append(line)
    return body


def parse_goals(lines: list[Line], context: DocumentContext, activity_codes: set[str]) -> GoalResult:
    """Goals at the deepest heading level that has goal sections or markers; activities are left out."""
    result = GoalResult()
    headings = sorted(find_headings(lines).values(), key=lambda h: h.index)
    candidates: list[tuple[Heading, list[Line]]] = []
    for position, heading in enumerate(headings):
        if heading.role == "programme" or any(
            code == heading.code or code.startswith(heading.code + ".") for code in activity_codes
        ):
            continue
        end = headings[position + 1].index if position + 1 < len(headings) else len(lines)
        body = _body(lines, heading, end)
        if any(goal_section(line.text) or _marker(line, context) for line in body):
            candidates.append((heading, body))
    if not candidates:
        return result
    depth = max(heading.depth for heading, _ in candidates)
    seen: set[str] = set()
    for heading, body in candidates:
        if heading.depth != depth or heading.code in seen:
            continue
        seen.add(heading.code)
        _add_goal(result, heading, body, headings, context)
    return result


def _programme(headings: list[Heading], heading: Heading) -> str | None:
    above = [h for h in headings if h.index < heading.index and (h.role == "programme" or h.depth == 1)]
    return above[-1].text if above else None


def _add_goal(
    result: GoalResult, heading: Heading, body: list[Line], headings: list[Heading], context: DocumentContext
) -> None:
    municipality = context.info.municipality
    markers = [line for line in body if _marker(line, context)]
    text = "\n".join(line.text for line in body if line not in markers).strip() or None
    if not markers:
        result.goals.append(Goal(code=heading.code, title=heading.title, text=text, line=heading.line))
        return
    marker = markers[0]
    before = [line.text for line in body if line.number < marker.number]
    after = [line.text for line in body if line.number > marker.number and line not in markers]
    plan, progress = "\n".join(before) or None, "\n".join(after) or None
    result.goals.append(
        Goal(code=heading.code, title=heading.title, text=text, plan=plan, progress=progress, line=heading.line)
    )
    period = _period(result, context)
    if period is None:
        return
    match = match_status(marker.text, municipality, context.legend)
    result.activities.append(
        Activity(
            code=heading.code,
            name=heading.title,
            programme=_programme(headings, heading),
            description=plan,
            progress=progress,
            line=heading.line,
        )
    )
    result.statuses.append(
        StatusReport(
            activity_code=heading.code,
            activity_name=heading.title,
            period=period.label,
            status=match.status,
            status_raw=marker.text,
            line=marker.number,
        )
    )


def _period(result: GoalResult, context: DocumentContext) -> ParsedPeriod | None:
    if result.periods:
        return result.periods[0]
    period = context.period
    if period is None and context.info.year:
        period = parse_period(str(context.info.year))
        result.warnings.append(
            WarningRecord(
                code="status-period-guessed",
                message=f"status markers found but the document names no reporting period; used the year {period.label}",
            )
        )
    if period is None:
        result.warnings.append(
            WarningRecord(
                code="status-without-period", message="status markers found but no reporting period or year; not stored"
            )
        )
        return None
    result.periods.append(period)
    return period
