"""The contract between the generated resources (``_generated/``) and the runtime.

The generator describes each operation as an ``Operation`` (method, path, where each argument
goes, what the success body is); the runtime checks the arguments' types against it before
anything is sent and builds the request from it. Python's types only: values (enum members,
patterns, ranges) are the API's to judge, so a server that loosens a rule needs no new SDK.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast
from urllib.parse import quote

from ._options import fail, type_name
from ._types import NotGiven

T = TypeVar("T")

Kind = Literal["int", "number", "str", "bool", "object", "array", "any"]

_KIND_WORDS: dict[str, str] = {
    "int": "an int",
    "number": "a number (int or float)",
    "str": "a str",
    "bool": "a bool",
    "object": "a dict",
    "array": "a list",
    "any": "a JSON value",
}


def _is_kind(value: object, kind: Kind) -> bool:
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "str":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "object":
        return isinstance(value, Mapping)
    if kind == "array":
        return isinstance(value, list | tuple)
    return True


@dataclass(frozen=True, slots=True)
class Param:
    """A path or query parameter, or a top-level field of a JSON body."""

    name: str
    kind: Kind
    required: bool = False
    nullable: bool = False


@dataclass(frozen=True, slots=True)
class Operation(Generic[T]):
    """One operation of the spec, as the generated method hands it to the runtime."""

    operation_id: str
    method: str
    #: The path template, e.g. ``/servers/{server_id}/``.
    path: str
    #: Where the SDK shows it: ``servers.get`` (starts every error message about its arguments).
    where: str
    path_params: tuple[Param, ...] = ()
    query_params: tuple[Param, ...] = ()
    body_fields: tuple[Param, ...] | None = None
    #: The body schema asks for at least one property (``minProperties: 1``).
    body_non_empty: bool = False
    #: The pydantic model of the success body, or ``None`` when it has none (204).
    result: type[T] | None = None


def check(op: Operation[Any], param: Param, value: object) -> None:
    if _is_kind(value, param.kind) or (value is None and param.nullable):
        return
    expected = _KIND_WORDS[param.kind] + (" or None" if param.nullable else "")
    fail(f"{param.name} must be {expected}, got {type_name(value)}", op.where)


def build_path(op: Operation[Any], values: tuple[object, ...]) -> str:
    path = op.path
    for param, value in zip(op.path_params, values, strict=True):
        check(op, param, value)
        path = path.replace(f"{{{param.name}}}", quote(str(value), safe=""))
    return path


def _query_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


Query = list[tuple[str, str | int | float | bool | None]]


def build_query(op: Operation[Any], values: Mapping[str, object]) -> Query | None:
    query: Query = []
    for param in op.query_params:
        value = values.get(param.name)
        if isinstance(value, NotGiven) or value is None:
            continue
        check(op, param, value)
        if isinstance(value, list | tuple):
            items = cast("Sequence[object]", value)
            query.extend((param.name, _query_value(item)) for item in items)
        else:
            query.append((param.name, _query_value(value)))
    return query or None


def build_body(op: Operation[Any], values: Mapping[str, object]) -> bytes | None:
    if op.body_fields is None:
        return None
    body: dict[str, object] = {}
    for param in op.body_fields:
        value = values.get(param.name)
        if isinstance(value, NotGiven):
            continue
        check(op, param, value)
        body[param.name] = value
    if op.body_non_empty and not body:
        names = ", ".join(p.name for p in op.body_fields)
        fail(f"give at least one of {names}", op.where)
    try:
        return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    except (TypeError, ValueError) as error:
        fail(f"the body cannot be sent as JSON ({error})", op.where)
