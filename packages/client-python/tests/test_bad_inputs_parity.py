"""The bad-input table here mirrors @vpsorg/mock's (test/bad-inputs.test.js, read through the
devDependency): a case added there and not here fails this test, so the two lists cannot drift."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from test_bad_inputs import CASES

MOCK_SUITE = (
    Path(__file__).resolve().parent.parent
    / "node_modules"
    / "@vpsorg"
    / "mock"
    / "test"
    / "bad-inputs.test.js"
)


def mock_case_names() -> set[str]:
    source = MOCK_SUITE.read_text()
    table = source[source.index("const cases = [") : source.index("const MODES")]
    names = set(re.findall(r"^\s+name: '([^']+)',$", table, re.M))
    # The server_id spellings are made from a list of [kind, value] pairs by one template.
    template = re.search(r"name: `([^`]+)`", table)
    assert template, "the mock's table has no templated case any more: update this test"
    pairs = re.search(r"\.\.\.\[\s*(\[.*?\]),?\s*\]\.map", table, re.S)
    assert pairs, "the mock's table changed shape: update this test"
    for kind, value in ast.literal_eval(f"[{pairs.group(1)}]"):
        names.add(template.group(1).replace("${kind}", kind).replace("${value}", value))
    return names


def test_every_case_of_the_mock_suite_is_here_and_no_other() -> None:
    names = mock_case_names()
    assert len(names) >= 27
    assert {name for name, _, _ in CASES} == names
