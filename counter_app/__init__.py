"""counter-app: counter services for housing provident fund township service stations."""

__version__ = "0.1.0"
