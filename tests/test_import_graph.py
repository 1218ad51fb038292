"""The package's import graph: no import cycles, and the layers of docs/ARCHITECTURE.md.

Built with grimp from the source (function-level imports included). Imports made only for the type
checker (``if TYPE_CHECKING:``) are left out: they never run, and a spec that names the policy type
the policy also validates is not a cycle anyone can trip over.
"""

from __future__ import annotations

import grimp
import pytest

PACKAGE = "counter_app"

# Cycles known and waiting to be removed. Empty since the GUI's restructuring (issue #23, item 6); a
# cycle not listed here fails, and so does a listed one that no longer exists.
KNOWN_GUI_CYCLES: list[frozenset[str]] = []

# Who may import whom, by first-level part of the package. ``counter_app`` itself (the version),
# ``paths`` (resources), ``user_data`` (the data directory), ``console`` and ``faults`` (the machine's faults in
# Chinese) are the foundation everything may use.
FOUNDATION = {"counter_app", "paths", "user_data", "console", "faults"}
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "devices": set(),  # ID card readers: what a device returns, free of business rules
    "store": {"domain"},
    "printing": {"domain"},
    "demo": {"domain", "store"},
    "sync": {"domain", "store", "demo", "crash"},  # crash: scrub() of counter-central's database errors
    "services": {"domain", "store", "printing", "sync", "demo", "crash", "devices"},
    "crash": set(),
    "gui": {"domain", "services", "crash"},
    # gui: only the launcher in main(); demo: demo-data; devices: `idcard read` without the services' load time
    "cli": {"domain", "services", "crash", "gui", "demo", "devices"},
    "__main__": {"cli"},
}


# The translation function keeps gettext's underscore name: lupdate collects ``_t("…")`` calls.
TRANSLATION = {"_t"}


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, exclude_type_checking_imports=True, cache_dir=None)


def _cycles(graph: grimp.ImportGraph) -> list[frozenset[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(frozenset(group))
    return found


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_no_import_cycles_beyond_the_known_gui_ones(graph) -> None:
    cycles = _cycles(graph)
    new = [sorted(c) for c in cycles if not any(c <= known for known in KNOWN_GUI_CYCLES)]
    assert new == [], f"import cycles: {new}"
    gone = [sorted(k) for k in KNOWN_GUI_CYCLES if not any(c <= k and len(c) > 1 for c in cycles)]
    assert gone == [], f"fixed: take these off KNOWN_GUI_CYCLES: {gone}"


def test_the_layers_import_only_downwards(graph) -> None:
    wrong = []
    for module in sorted(graph.modules):
        part = _part(module)
        allowed = FOUNDATION if part in FOUNDATION else ALLOWED[part] | FOUNDATION | {part}
        for imported in graph.find_modules_directly_imported_by(module):
            if _part(imported) not in allowed:
                wrong.append(f"{module} → {imported}")
    assert wrong == []


def test_no_module_imports_another_modules_private_names(graph) -> None:
    """``from x import _name`` across modules reaches into what the other module keeps to itself."""
    reaching = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            for detail in graph.get_import_details(importer=module, imported=imported):
                names = detail["line_contents"].split(" import ", 1)[-1]
                private = [n for n in (m.strip(" ()").split(" as ")[0] for m in names.split(","))
                           if n.startswith("_") and not n.startswith("__") and n not in TRANSLATION]
                package_private = any(p.startswith("_") and p != "__main__" for p in imported.split(".")[1:])
                same_package = imported.rsplit(".", 1)[0] == module.rsplit(".", 1)[0]
                if private or (package_private and not same_package):
                    reaching.append(f"{module}: {detail['line_contents']}")
    assert reaching == []
