"""Sync with the centre: central PostgreSQL schema and administration, station protocol, engine and runner."""
