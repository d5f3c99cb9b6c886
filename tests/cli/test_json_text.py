"""``--json`` output is exactly what ``json.dumps(..., ensure_ascii=False, indent=2)`` writes."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runbook_assistant.cli.json_text import indented

_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
            | st.text())
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner)
    | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=40)


@settings(max_examples=300)
@given(_VALUES)
def test_the_text_is_the_standard_librarys(value: Any) -> None:
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [
    {1: "a", None: "b", False: "c", 2.5: "d"},  # keys json turns into strings
    {"when": math.inf, "not": -math.inf, "nan": math.nan},
    ["é\u2028\x00\"\\", {"nested": [[], {}, [{}]]}],
    [{"tags": ["netwerk", "é\u202e"], "none": [], "one": [""], "mixed": ["a", 1, None]}],
])
def test_odd_keys_and_values_come_out_the_same(value: Any) -> None:
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError):
        indented({"when": object()})
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        indented(loop)
