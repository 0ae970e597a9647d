"""Geometry for the server-rendered SVG charts (no charting JavaScript; they print as they are).

Each function returns plain numbers that a template turns into SVG elements; every chart also
has a table alternative on the page, built from the same data.
"""

from datetime import date, timedelta

from django.utils.safestring import SafeString, mark_safe

from . import stats

WIDTH = 720
HEIGHT = 260
LEFT = 40
RIGHT = 12
TOP = 36  # room for the axis title
BOTTOM = 40
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


def _y(pain: float) -> float:
    return round(TOP + PLOT_H - pain / 10 * PLOT_H, 1)


def _x(day: date, start: date, span: int) -> float:
    return round(LEFT + (day - start).days / max(span, 1) * PLOT_W, 1)


def y_ticks() -> list[dict]:
    return [{"value": v, "y": _y(v)} for v in range(0, 11, 2)]


def pain_over_time(days: list[stats.Day], weeks: list[stats.Week], start: date, end: date) -> dict:
    span = (end - start).days
    points = [
        {"x": _x(d.day, start, span), "y": _y(d.average), "day": d.day, "value": d.average}
        for d in days
    ]
    weekly = []
    for week in weeks:
        middle = max(start, min(end, week.start + timedelta(days=3)))
        weekly.append((_x(middle, start, span), _y(week.average)))
    x_ticks = []
    month = date(start.year, start.month, 1)
    step = _month_step(span)
    while month <= end:
        if month >= start:
            # The year only where it changes, so labels stay short enough for a phone.
            label = month.strftime("%b %Y" if not x_ticks or month.month <= step else "%b")
            x_ticks.append({"x": _x(month, start, span), "label": label})
        year, m = divmod(month.month - 1 + step, 12)
        month = date(month.year + year, m + 1, 1)
    radius = 3 if len(points) < 120 else 1.5
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": TOP + PLOT_H,
        "points": points,
        "dots": _dots(points, radius),
        "weekly": " ".join(f"{x},{y}" for x, y in weekly),
        "y_ticks": y_ticks(),
        "x_ticks": x_ticks,
        "radius": radius,
    }


def _month_step(span: int) -> int:
    """Months between x-axis labels: labels at least about 150 units apart, so that even at
    the larger type used on a phone they never overlap."""
    for days, step in ((120, 1), (240, 2), (400, 3), (800, 6)):
        if span <= days:
            return step
    return 12


def _dots(points: list[dict], radius: float) -> SafeString:
    # Five years are ~1,800 dots: one join is far faster than a template loop, and every value
    # here is a number computed above, so there is nothing to escape.
    return mark_safe(
        "".join(
            f'<circle cx="{p["x"]}" cy="{p["y"]}" r="{radius}" fill="#0a4f8a" fill-opacity="0.6"/>'
            for p in points
        )
    )


def daily_rows(days: list[stats.Day]) -> SafeString:
    """The daily table's rows (the chart's text alternative), built in one pass."""
    return mark_safe(
        "".join(
            f"<tr><td>{d.day:%a} {d.day.day} {d.day:%b %Y}</td><td>{d.count}</td>"
            f"<td>{d.average:.1f}</td><td>{d.worst}</td></tr>"
            for d in days
        )
    )


# Two bars per workout, before and after, are what the chart is for (did the workout change
# the pain?); the table under it has every number, worst-during and next morning too.
SERIES = [
    ("pain_before", "Before", "#0a4f8a"),
    ("pain_after", "After", "#a4161a"),
]


def workout_bars(workouts: list) -> dict:
    """Grouped bars: pain before and after each workout, oldest first."""
    count = max(len(workouts), 1)
    group = PLOT_W / count
    bar = min(group * 0.8 / len(SERIES), 32)
    groups = []
    label_every = -(-count // 8)
    for index, workout in enumerate(workouts):
        x0 = LEFT + index * group + (group - bar * len(SERIES)) / 2
        bars = []
        for number, (field, label, colour) in enumerate(SERIES):
            value = getattr(workout, field)
            if value is None:
                continue
            top = _y(value)
            bars.append(
                {
                    "x": round(x0 + number * bar, 1),
                    "y": top,
                    "height": round(TOP + PLOT_H - top, 1) or 1,
                    "width": round(bar - 1, 1),
                    "colour": colour,
                    "label": label,
                    "value": value,
                }
            )
        groups.append(
            {
                "workout": workout,
                "bars": bars,
                "label_x": round(x0 + bar * len(SERIES) / 2, 1),
                # At most 8 dates under the bars, so they never overlap.
                "labelled": index % label_every == 0,
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": TOP + PLOT_H,
        "groups": groups,
        "y_ticks": y_ticks(),
        "legend": [{"label": label, "colour": colour} for _, label, colour in SERIES],
    }


CELL = 16
GAP = 3
CAL_LEFT = 34  # room for the weekday labels
CAL_TOP = 18  # room for the month labels

# The calendar's colours follow the app's severity words for the daily average (see
# stats.severity and the pain scale help); white is a day with nothing logged.
HEAT = {
    "": ("#ffffff", "No entry"),
    "none": ("#e8f5ea", "0, no pain"),
    "mild": ("#fdf0c4", "Mild (under 4)"),
    "moderate": ("#f0a04b", "Moderate (4 to 6.9)"),
    "severe": ("#a4161a", "Severe (7 or more)"),
}


def calendar(days: list[stats.Day], start: date, end: date, max_weeks: int = 53) -> dict:
    """A GitHub-style grid: one column per week (Monday at the top), one square per day of the
    period, its last `max_weeks` weeks at most."""
    by_day = {d.day: d for d in days}
    last_monday = end - timedelta(days=end.weekday())
    weeks = min(max_weeks, (last_monday - start).days // 7 + 1 + (start.weekday() > 0))
    first_monday = last_monday - timedelta(weeks=weeks - 1)
    cells = []
    months = []
    for column in range(weeks):
        monday = first_monday + timedelta(weeks=column)
        x = CAL_LEFT + column * (CELL + GAP)
        if monday.day <= 7:
            months.append({"x": x, "label": monday.strftime("%b")})
        for row in range(7):
            day = monday + timedelta(days=row)
            if day > end or day < start:
                continue
            entry = by_day.get(day)
            average = entry.average if entry else None
            cells.append(
                {
                    "x": x,
                    "y": CAL_TOP + row * (CELL + GAP),
                    "day": day,
                    "average": average,
                    "count": entry.count if entry else 0,
                    "colour": HEAT[stats.severity(average)][0],
                }
            )
    return {
        "width": CAL_LEFT + weeks * (CELL + GAP),
        "height": CAL_TOP + 7 * (CELL + GAP),
        "cell": CELL,
        "cells": cells,
        "months": months,
        "legend": [{"key": key, "label": label} for key, (_, label) in HEAT.items()],
        "weekday_labels": [
            {"label": name, "y": CAL_TOP + row * (CELL + GAP) + CELL - 3}
            for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun"))
        ],
    }
