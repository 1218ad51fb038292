"""The station's identity (服务站代码、名称、所属区县): fixed before the first application is taken.

Every receipt number starts with the station code, and the centre accepts an application only from
the login of that station. So a new data dir takes no application until its station is set — by
the first-run wizard, by ``counter-app station set`` (offline), by ``connect`` (from the centre's
own record) or by the demo city — and the code no longer changes once receipts carry it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app.domain.errors import FieldError
from counter_app.domain.normalize import format_control_problem
from counter_app.faults import KeyringUnavailable
from counter_app.services import approvals, audit
from counter_app.services.counter import Counter, open_store_counter
from counter_app.services.station_config import check_district, check_station_code, check_station_name

DISTRICT_KEY = "station_district"  # kept beside the settings of ``services.station_config``
NOT_SET = ("本机尚未设置服务站，不能受理业务：请在首次运行向导中设置，或运行 "
           "counter-app station set --code 服务站代码 --name 服务站名称 --district 所属区县")


@dataclass(frozen=True)
class StationIdentity:
    code: str
    name: str
    district: str
    configured: bool

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "district": self.district, "configured": self.configured}


def identity(counter: Counter) -> StationIdentity:
    with counter.store.unit_of_work() as uow:
        stored = uow.settings.all()
    code = stored.get("station_code") or ""
    return StationIdentity(code or counter.station_code, stored.get("station_name") or counter.station_name,
                           stored.get(DISTRICT_KEY) or _policy_district(counter, code) or "", bool(code))


def not_configured(counter: Counter) -> FieldError | None:
    """For the intake services: the error to show while the station is not set (read again from the
    store: the wizard or another program may have set it since this counter opened)."""
    if counter.station_configured:
        return None
    with counter.store.unit_of_work() as uow:
        code, name = uow.settings.get("station_code"), uow.settings.get("station_name")
    if code:
        adopt(counter, code, name or code)
        return None
    return FieldError("station_code", NOT_SET)


def set_station(counter: Counter, code: Any, name: Any, district: Any, *, approval: Any = None) -> list[FieldError]:
    """Name this station (offline). Refused once applications carry another code, or once the
    data dir is connected to a centre as another station. Needs a supervisor once there are clerks."""
    code_value, problems = check_station_code(code)
    problems = [FieldError("code", p.message) for p in problems]
    hidden = format_control_problem(name, "服务站名称")
    name_value, name_problems = check_station_name(name)
    problems += [FieldError("name", hidden)] if hidden else [FieldError("name", p.message) for p in name_problems]
    district_value, district_problems = check_district(district)
    problems += district_problems
    if problems:
        return problems
    with counter.store.unit_of_work(write=True) as uow:
        before = uow.settings.all()
        taken = _code_in_use(uow, code_value)
        if taken:
            return [taken]
        if before.get("central_dsn") and before.get("station_code") not in (None, code_value):
            return [FieldError("code", f"本机已作为服务站 {before['station_code']} 连接中心，不能改为 {code_value}")]
        refused = approvals.refusal(counter, approvals.settings_request(), approval, uow)
        if refused:
            return [refused]
        values = {"station_code": code_value, "station_name": name_value, DISTRICT_KEY: district_value}
        changed = sorted(k for k, v in values.items() if before.get(k) != v)
        for key, value in values.items():
            uow.settings.set(key, value)
        if changed:
            counter.station_code = code_value  # the audit row is the new station's
            audit.record(counter, "settings", "station", {"changed": changed, **(
                {"approved_by": approvals.approver_of(approval)} if approvals.approver_of(approval) else {})}, uow=uow)
        uow.commit()
    adopt(counter, code_value, name_value)
    return []


def adopt(counter: Counter, code: str, name: str) -> None:
    """The open counter works as ``code`` from now on."""
    counter.station_code, counter.station_name, counter.station_configured = code, name or code, True


def _code_in_use(uow: Any, code: str) -> FieldError | None:
    """Applications already numbered under another code keep this station's code fixed."""
    other = uow.applications.station_codes()
    other.discard(code)
    if not other:
        return None
    return FieldError("code", f"本机已以服务站 {'、'.join(sorted(other))} 的名义受理业务（回执已发出），服务站代码不能再改")


def configure_demo(counter: Counter) -> None:
    """The demo city's station (its first one) on a data dir that has none yet."""
    with counter.store.unit_of_work(write=True) as uow:
        if uow.settings.get("station_code"):
            return
        station = counter.policy.versions[-1].stations[0]
        uow.settings.set("station_code", station.code)
        uow.settings.set("station_name", station.name)
        uow.settings.set(DISTRICT_KEY, station.district)
        uow.commit()
    adopt(counter, station.code, station.name)
    # A demo on a PC without a keyring goes on: the first audited action says so.
    with contextlib.suppress(KeyringUnavailable):
        audit.ensure_key(counter)  # the demo station's audit key, made with the station


def _policy_district(counter: Counter, code: str) -> str | None:
    for station in counter.policy.versions[-1].stations:
        if station.code == code:
            return station.district
    return None


def open_counter(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    demo: bool = False,
    clerk: str | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Counter:
    """Open the station's store (migrating it), read its settings, seed a demo city if asked; a demo
    data dir with no station yet works as the demo city's first station."""
    counter = open_store_counter(data_dir, demo=demo, clerk=clerk, clock=clock)
    if demo and not counter.station_configured:
        configure_demo(counter)
    return counter
