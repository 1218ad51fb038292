"""Alembic migrations of the central PostgreSQL schema (run programmatically by ``counter-central init``)."""
