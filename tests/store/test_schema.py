"""Every migration set of the store is listed in `schema.MIGRATION_SETS`, and only schema.py declares them."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlite_utils.migrations import Migrations

from desktop.store import schema
from desktop.store.database import open_memory_store

STORE = Path(schema.__file__).parent


def test_every_migration_set_in_schema_is_listed() -> None:
    declared = [value for value in vars(schema).values() if isinstance(value, Migrations)]
    assert declared and set(map(id, declared)) == set(map(id, schema.MIGRATION_SETS))
    assert len({s.name for s in schema.MIGRATION_SETS}) == len(schema.MIGRATION_SETS)


def test_no_other_store_module_declares_migrations() -> None:
    """A set declared elsewhere would never be applied: a new table silently never created."""
    for module in STORE.glob("*.py"):
        if module.name == "schema.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Migrations"]
        assert not calls, f"{module.name} declares a migration set; declare it in schema.py"


def test_a_new_store_records_every_listed_migration() -> None:
    store = open_memory_store()
    try:
        applied = {tuple(row) for row in store.db.execute(
            f"select migration_set, name from [{Migrations.migrations_table}]").fetchall()}
    finally:
        store.close()
    assert applied == {(s.name, m.name) for s in schema.MIGRATION_SETS for m in s._migrations}
