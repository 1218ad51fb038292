"""Junk into every service entry and the command line: field errors, clear refusals or exit codes only,
and never a half-written record (robustness; ``benchmarks/fuzz_services.py`` runs 100,000+ cases)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "services"))  # the service tests' world

from clerk_helpers import fast_hashing  # noqa: F401
from fuzz_harness import ENTRIES, CliCase, Context, HypothesisSource, invariants, run_case
from service_world import build_world, fixed_clock

from counter_app.services import audit, open_counter

pytestmark = pytest.mark.slow
PER_ENTRY = 150
CLI_CASES = 250
FUZZ = settings(max_examples=PER_ENTRY, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz-world") / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
    return path


@pytest.fixture
def ctx(world: Path, tmp_path: Path, fast_hashing):
    shutil.copytree(world, tmp_path / "station")
    with open_counter(tmp_path / "station", clock=fixed_clock) as counter:
        yield Context(counter, tmp_path)


@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_each_service_entry_answers_junk_with_field_errors(ctx, entry):
    seen: set[str] = set()

    @FUZZ
    @given(data=st.data())
    def case(data):
        _, outcome = run_case(ctx, HypothesisSource(data), entry)
        seen.add(outcome)
        assert invariants(ctx.counter.store.path) == []

    case()
    assert seen <= {"ok", "field_error", "refused"} and seen
    assert audit.verify_chain(ctx.counter).ok  # everything the junk caused is in an intact log


def test_the_command_line_answers_junk_with_exit_codes(world, tmp_path, fast_hashing):
    data_dir = tmp_path / "station"
    shutil.copytree(world, data_dir)
    work = tmp_path / "work"
    work.mkdir()
    cli = CliCase(data_dir, work)
    outcomes: dict[str, int] = {}

    @settings(FUZZ, max_examples=CLI_CASES)
    @given(data=st.data())
    def case(data):
        _, outcome = cli.run(HypothesisSource(data))
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        assert invariants(data_dir / "station.sqlite3") == []

    case()
    assert set(outcomes) <= {"exit0", "exit1", "exit2"}
    assert outcomes.get("exit0", 0) > 0 and outcomes.get("exit2", 0) > 0  # both accepted and refused input ran
