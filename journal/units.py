"""Loads are stored in kilograms; people see and type them in their own units."""

from decimal import ROUND_HALF_UP, Decimal

KG_PER_LB = Decimal("0.45359237")
TWO_PLACES = Decimal("0.01")
ONE_PLACE = Decimal("0.1")


def to_kg(value: Decimal | None, units: str) -> Decimal | None:
    if value is None:
        return None
    kg = value * KG_PER_LB if units == "lb" else value
    return kg.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def from_kg(kg: Decimal | None, units: str) -> Decimal | None:
    if kg is None:
        return None
    value = kg / KG_PER_LB if units == "lb" else kg
    # One decimal place is enough for a barbell; `normalize` drops a trailing ".0".
    value = value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)
    return value.to_integral_value() if value == value.to_integral_value() else value


def format_load(kg: Decimal | None, units: str) -> str:
    if kg is None:
        return ""
    return f"{from_kg(kg, units)} {'lb' if units == 'lb' else 'kg'}"
