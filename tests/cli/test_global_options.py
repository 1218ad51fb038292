"""Global options (``--data-dir``, ``--clerk``, ``--approver``) before or after the command name, and a
reader that went away (closed pipe, closed stdout) ends a command quietly."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from counter_app.cli import EXIT_BROKEN_PIPE, build_parser, main

GLOBAL = ("--data-dir", "--clerk", "--approver")


Parsers = Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]


def every_parser(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Parsers:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from every_parser(child, (*path, name))


def test_every_command_and_sub_command_takes_the_global_options():
    parsers = list(every_parser(build_parser()))
    assert len(parsers) > 30  # the commands and their sub-commands (print receipt, clerk add, calc …)
    missing = [(" ".join(path), flag) for path, p in parsers for flag in GLOBAL if flag not in p._option_string_actions]
    assert missing == []


@pytest.mark.parametrize("argv", [
    ["--data-dir", "D", "--clerk", "zhang", "--approver", "wang", "records", "--json"],
    ["records", "--json", "--data-dir", "D", "--clerk", "zhang", "--approver", "wang"],
    ["--clerk", "zhang", "records", "--data-dir", "D", "--json", "--approver", "wang"],
    ["--data-dir", "elsewhere", "records", "--json", "--data-dir", "D", "--clerk", "zhang", "--approver", "wang"],
])
def test_global_options_before_or_after_the_command(argv):
    args = build_parser(["records"]).parse_args(argv)
    assert (args.data_dir, args.clerk, args.approver, args.json) == ("D", "zhang", "wang", True)


def test_options_of_a_sub_sub_command_after_its_arguments():
    args = build_parser(["print"]).parse_args(["print", "receipt", "CG01-01-20261123-0001", "--out", "r.pdf",
                                               "--data-dir", "D", "--clerk", "zhang"])
    assert (args.data_dir, args.clerk, args.approver) == ("D", "zhang", None)


def test_an_option_given_only_before_the_command_is_kept():
    args = build_parser(["records"]).parse_args(["--data-dir", "D", "records"])
    assert (args.data_dir, args.clerk, args.approver) == ("D", None, None)


def test_records_with_the_data_dir_after_the_command_reads_that_station(tmp_path, capsys):
    data_dir = tmp_path / "station"
    assert main(["demo-data", "--workers", "40", "--employers", "4", "--json", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["data_dir"] == str(data_dir)
    assert main(["search", "8", "--json", "--data-dir", str(data_dir)]) == 0
    after = json.loads(capsys.readouterr().out)
    assert main(["--data-dir", str(data_dir), "search", "8", "--json"]) == 0
    assert after and json.loads(capsys.readouterr().out) == after
    assert main(["records", "--json", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def run_with_closed_stdout(*argv: str) -> subprocess.CompletedProcess[bytes]:
    script = f"import sys; from counter_app.cli import main; sys.exit(main({list(argv)!r}))"
    # `>&-`: the command starts with no stdout at all (sys.stdout is None in Python)
    return subprocess.run(["sh", "-c", '"$0" -c "$1" >&-', sys.executable, script], stderr=subprocess.PIPE, timeout=120)


def test_a_closed_stdout_is_not_an_internal_error(tmp_path):
    proc = run_with_closed_stdout("check", "id", "110101199003077777", "--json")
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1, err  # the check ran (that ID's check digit is wrong): its own exit code
    assert err == ""


def test_an_error_written_to_a_reader_that_went_away_is_quiet(tmp_path):
    data_dir = tmp_path / "station"
    script = ("import sys; from counter_app.cli import main; "
              f"sys.exit(main(['print', 'receipt', 'NOPE', '--out', 'x.pdf', '--json', '--data-dir', {str(data_dir)!r}]))")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the command writes its error
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_BROKEN_PIPE, err.decode("utf-8")
    assert err.decode("utf-8") == "" and not (data_dir / "crash").exists()


@pytest.mark.parametrize("argv", [["--data-dir", "", "records"], ["records", "--data-dir", " "],
                                  ["--data-dir", "x", "print", "form", "--data-dir", "", "R"]])
def test_an_empty_data_dir_is_refused_not_taken_for_the_default(capsys, argv) -> None:
    """The default store is the station's real data: a blank --data-dir (a script's empty variable) is a slip."""
    code = main(argv)
    _out, err = capsys.readouterr()
    assert code == 2 and "数据目录不能为空" in err
