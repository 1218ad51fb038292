"""The demo city: a deterministic generator of plain records and a loader into the station store."""

from counter_app.demo.city import DemoCity, generate_city, iter_city
from counter_app.demo.loader import generate_and_load, load_city, load_pieces

__all__ = ["DemoCity", "generate_and_load", "generate_city", "iter_city", "load_city", "load_pieces"]
