import ReformStore

extension RegistryMigrations {
  /// The same migrations for PostgreSQL, under the same ids, with the same tables and columns:
  /// `BIGINT` for SQLite's `INTEGER`, `DOUBLE PRECISION` for `REAL` (instants stay seconds since
  /// 1970), and an identity column for the history's `AUTOINCREMENT` id. The revision counters
  /// are the rows every write locks (``RegistryPostgresStore``).
  static var postgres: PostgresMigrations {
    var migrations = PostgresMigrations(module: "registry")
    migrations.register(
      1, "revisions",
      [
        "CREATE TABLE registry_revisions (area TEXT PRIMARY KEY NOT NULL, revision BIGINT NOT NULL)",
        "INSERT INTO registry_revisions (area, revision) VALUES ('units', 0), ('people', 0), ('sets', 0), ('values', 0)",
        "CREATE TABLE registry_counters (name TEXT PRIMARY KEY NOT NULL, value BIGINT NOT NULL)",
      ])
    migrations.register(
      1, "units",
      [
        """
        CREATE TABLE registry_units (
          code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, short_name TEXT NOT NULL, kind TEXT NOT NULL,
          parent_code TEXT, organ_id TEXT NOT NULL, host_name TEXT NOT NULL, host_kind TEXT,
          opened TEXT NOT NULL, closed TEXT, successor_code TEXT NOT NULL,
          revision BIGINT NOT NULL, created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL)
        """,
        """
        CREATE TABLE registry_unit_history (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, unit_code TEXT NOT NULL, sequence BIGINT NOT NULL,
          change TEXT NOT NULL, effective TEXT NOT NULL, from_parent_code TEXT, to_parent_code TEXT,
          from_name TEXT, to_name TEXT, successor_code TEXT, changed_fields TEXT NOT NULL, decision TEXT,
          reason TEXT NOT NULL, recorded_by_id TEXT NOT NULL, recorded_by_name TEXT NOT NULL,
          recorded_by_unit TEXT, recorded_by_roles TEXT NOT NULL, recorded_at DOUBLE PRECISION NOT NULL,
          UNIQUE (unit_code, sequence))
        """,
      ])
    migrations.register(
      1, "people",
      [
        """
        CREATE TABLE registry_people (
          id TEXT PRIMARY KEY NOT NULL, full_name TEXT NOT NULL, gender TEXT, birth_date TEXT,
          ethnicity TEXT NOT NULL, categories TEXT NOT NULL, party_status TEXT, admitted TEXT, official TEXT,
          card_number TEXT NOT NULL, party_left TEXT, party_left_reason TEXT NOT NULL, unit_code TEXT NOT NULL,
          workplace TEXT NOT NULL, position TEXT NOT NULL, leader_or_manager BIGINT NOT NULL,
          theory_level TEXT, required_theory_level TEXT, arrived TEXT, departed TEXT, note TEXT NOT NULL,
          revision BIGINT NOT NULL, created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL,
          changed_in BIGINT NOT NULL)
        """,
        "CREATE INDEX registry_people_changed_in ON registry_people (changed_in)",
        "CREATE INDEX registry_people_unit_code ON registry_people (unit_code)",
        """
        CREATE TABLE registry_studies (
          person_id TEXT NOT NULL REFERENCES registry_people (id), document TEXT NOT NULL,
          studied TEXT NOT NULL, form TEXT NOT NULL, note TEXT NOT NULL,
          PRIMARY KEY (person_id, document, studied))
        """,
      ])
    migrations.register(
      1, "indicators",
      [
        """
        CREATE TABLE registry_indicator_sets (
          id TEXT NOT NULL, version BIGINT NOT NULL, status TEXT NOT NULL, definition TEXT NOT NULL,
          defined_by_id TEXT, defined_by_name TEXT, defined_by_unit TEXT, defined_by_roles TEXT,
          defined_at DOUBLE PRECISION, PRIMARY KEY (id, version))
        """,
        """
        CREATE TABLE registry_values (
          set_id TEXT NOT NULL, indicator_code TEXT NOT NULL, unit_code TEXT NOT NULL, period TEXT NOT NULL,
          set_version BIGINT NOT NULL, numerator BIGINT NOT NULL, denominator BIGINT NOT NULL,
          origin TEXT NOT NULL, note TEXT NOT NULL, evidence TEXT NOT NULL, reported_by_id TEXT,
          reported_by_name TEXT, reported_by_unit TEXT, reported_by_roles TEXT, reported_at DOUBLE PRECISION,
          revision BIGINT NOT NULL, PRIMARY KEY (set_id, indicator_code, unit_code, period))
        """,
        """
        CREATE TABLE registry_period_states (
          set_id TEXT NOT NULL, unit_code TEXT NOT NULL, period TEXT NOT NULL, status TEXT NOT NULL,
          transitions TEXT NOT NULL, PRIMARY KEY (set_id, unit_code, period))
        """,
      ])
    migrations.register(1, "idempotency", [IdempotencyLayout.registry.createTableSQL(.postgres)])
    migrations.register(
      2, "value-changes",
      [
        "ALTER TABLE registry_values ADD COLUMN changed_in BIGINT NOT NULL DEFAULT 0",
        "CREATE INDEX registry_values_changed_in ON registry_values (changed_in)",
        "ALTER TABLE registry_period_states ADD COLUMN changed_in BIGINT NOT NULL DEFAULT 0",
        "CREATE INDEX registry_period_states_changed_in ON registry_period_states (changed_in)",
        """
        CREATE TABLE registry_value_removals (
          set_id TEXT NOT NULL, indicator_code TEXT NOT NULL, unit_code TEXT NOT NULL, period TEXT NOT NULL,
          removed_in BIGINT NOT NULL, PRIMARY KEY (set_id, indicator_code, unit_code, period))
        """,
        "CREATE INDEX registry_value_removals_removed_in ON registry_value_removals (removed_in)",
      ])
    return migrations
  }
}
