"""Conversions shared by the pure-Python helpers (not public)."""

from __future__ import annotations

import math
from typing import Any

#: Person fields that node attributes / people columns map onto.
PERSON_FIELDS = ("name", "department", "title", "level", "manager")
#: Prefix that marks a free attribute whose name would clash with a person field.
ATTRIBUTE_PREFIX = "attribute:"


def attribute_key(name: str) -> str:
    """Column / node-attribute key under which free attribute ``name`` is exported."""
    if name in PERSON_FIELDS or name.startswith(ATTRIBUTE_PREFIX):
        return ATTRIBUTE_PREFIX + name
    return name


def attribute_name(key: str) -> str:
    """Inverse of :func:`attribute_key`."""
    return key[len(ATTRIBUTE_PREFIX):] if key.startswith(ATTRIBUTE_PREFIX) else key


def is_missing(value: Any) -> bool:
    """None, NaN and pandas' NA / NaT count as missing."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd  # noqa: PLC0415 (optional dependency)
    except ImportError:  # pragma: no cover
        return False
    try:
        return bool(pd.isna(value)) if not isinstance(value, (str, bytes)) else False
    except (TypeError, ValueError):
        return False


def text(value: Any) -> str:
    """A value as orgnet text: missing values become "", others str()."""
    if isinstance(value, str):
        return value
    if is_missing(value):
        return ""
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict)):
        try:
            value = value.item()  # NumPy scalar -> Python scalar
        except (TypeError, ValueError):
            pass
    return str(value)


def level(value: Any, where: str) -> int | None:
    """A level given as an int, an integral float or a numeric string; missing -> None."""
    if is_missing(value) or (isinstance(value, str) and value.strip() == ""):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{where}: level must be a whole number >= 0, got {value!r}")
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{where}: level must be a whole number >= 0, got {value!r}")
