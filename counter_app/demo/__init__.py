"""The demo city: a deterministic generator of plain records and a loader into the station store."""

from counter_app.demo.city import DemoCity, generate_city
from counter_app.demo.loader import load_city

__all__ = ["DemoCity", "generate_city", "load_city"]
