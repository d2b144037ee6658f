"""Schemathesis hook for runs against the sandbox (loaded by packages/mock/fuzz/schemathesis.js).

The sandbox, like the API, refuses a create that names a plan or an operating system it does not
know, with the documented 400. JSON Schema cannot say which ids exist, so generated *positive*
data would name unknown ones (the coverage phase tries `os_id: 2`, next to the minimum) and be
refused. This hook makes every positive case name ids the sandbox knows; the catalogue comes from
the model of the spec (`sandboxCatalogue`), as JSON in VPSORG_FUZZ_REFERENCES:
{"createServer": {"plan_id": [1, 2], "os_id": [3, 5]}}. Negative cases are left as generated.
"""

from __future__ import annotations

import json
import os
from typing import Any

import schemathesis
from schemathesis import Case, HookContext

REFERENCES: dict[str, dict[str, list[int]]] = json.loads(
    os.environ.get("VPSORG_FUZZ_REFERENCES", "{}")
)


@schemathesis.hook
def map_case(context: HookContext, case: Case[Any]) -> Case[Any]:
    """A positive case's unknown reference ids replaced by known ones (the same one for the same id)."""
    fields = REFERENCES.get(str(case.operation.definition.raw.get("operationId", "")))
    if (
        not fields
        or case.meta is None
        or not case.meta.generation.mode.is_positive
        or not isinstance(case.body, dict)
    ):
        return case
    body = dict(case.body)
    for name, known in fields.items():
        value = body.get(name)
        # JSON Schema's integers include 7.0; a bool is no integer there.
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and float(value).is_integer()
            and value not in known
        ):
            body[name] = known[int(value) % len(known)]
    case.body = body
    return case
