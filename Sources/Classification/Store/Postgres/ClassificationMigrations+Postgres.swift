import ReformStore

extension ClassificationMigrations {
  /// The same migrations for PostgreSQL, under the same ids, with the same tables and columns
  /// (`BIGINT` for SQLite's `INTEGER`, `BYTEA` for `BLOB`), and what only PostgreSQL needs:
  ///
  /// - **`classification_counters`**: a row per counter — the runs' number and the quota
  ///   exceptions' number — locked and advanced inside the transaction that records the run or
  ///   the exception (``ClassificationPostgresStore``). SQLite takes the next number from the
  ///   table itself under its single writer. `seq` columns are therefore plain keys, not
  ///   identities: the store writes the number it took.
  /// - **Text that lists sort on** (unit codes, subject ids, rule set ids) is `COLLATE "C"`:
  ///   byte order, as SQLite sorts, whatever locale the cluster was created with, so that a
  ///   list and its pages come in the same order on both engines.
  static var postgres: PostgresMigrations {
    var migrations = PostgresMigrations(module: "classification")
    let evaluationColumns = """
        year BIGINT NOT NULL,
        subject_kind BIGINT NOT NULL,
        subject_id TEXT COLLATE "C" NOT NULL,
        is_person BIGINT NOT NULL,
        unit_code TEXT COLLATE "C" NOT NULL,
        subject_name TEXT NOT NULL,
        revision BIGINT NOT NULL,
        submitted_by BYTEA,
        submitted_at BIGINT NOT NULL,
        payload BYTEA NOT NULL
      """
    migrations.register(
      1, "evaluations",
      [
        """
        CREATE TABLE classification_evaluations (
        \(evaluationColumns),
          PRIMARY KEY (year, subject_kind, subject_id)
        )
        """,
        """
        CREATE INDEX classification_evaluations_order
          ON classification_evaluations (year, is_person, unit_code, subject_id, subject_kind)
        """,
        """
        CREATE TABLE classification_evaluation_history (
        \(evaluationColumns),
          PRIMARY KEY (year, subject_kind, subject_id, revision)
        )
        """,
      ])
    migrations.register(
      1, "unit_links",
      [
        """
        CREATE TABLE classification_unit_links (
          unit_code TEXT PRIMARY KEY NOT NULL,
          parent_code TEXT NOT NULL
        )
        """
      ])
    migrations.register(
      1, "rule_sets",
      [
        """
        CREATE TABLE classification_rule_sets (
          id TEXT COLLATE "C" NOT NULL,
          version BIGINT NOT NULL,
          content TEXT NOT NULL,
          content_sha256 TEXT NOT NULL,
          effective_from TEXT,
          effective_to TEXT,
          loaded_at BIGINT NOT NULL,
          loaded_by BYTEA,
          PRIMARY KEY (id, version)
        )
        """
      ])
    migrations.register(
      1, "quota_exceptions",
      [
        """
        CREATE TABLE classification_quota_exceptions (
          seq BIGINT PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          year BIGINT NOT NULL,
          unit_code TEXT NOT NULL,
          duty_group TEXT NOT NULL,
          revoked BIGINT NOT NULL,
          payload BYTEA NOT NULL
        )
        """,
        """
        CREATE INDEX classification_quota_exceptions_scope
          ON classification_quota_exceptions (year, unit_code, duty_group)
        """,
        PostgresCounters.createTable("classification_counters"),
      ])
    migrations.register(
      1, "runs",
      [
        """
        CREATE TABLE classification_runs (
          seq BIGINT PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          year BIGINT NOT NULL,
          unit_code TEXT NOT NULL,
          mode BIGINT NOT NULL,
          payload BYTEA NOT NULL,
          quota_groups BYTEA NOT NULL
        )
        """,
        """
        CREATE TABLE classification_results (
          run_id TEXT NOT NULL,
          year BIGINT NOT NULL,
          subject_kind BIGINT NOT NULL,
          subject_id TEXT COLLATE "C" NOT NULL,
          subject_name TEXT NOT NULL,
          unit_code TEXT COLLATE "C" NOT NULL,
          quota_unit_code TEXT NOT NULL,
          duty_group TEXT NOT NULL,
          level BIGINT NOT NULL,
          level_before_quota BIGINT NOT NULL,
          score BIGINT,
          quota_demoted BIGINT NOT NULL,
          locked BIGINT NOT NULL,
          superseded_by_run_id TEXT,
          rule_set_id TEXT NOT NULL,
          rule_set_version BIGINT NOT NULL,
          evaluation_revision BIGINT NOT NULL,
          rated_at BIGINT NOT NULL,
          checks BYTEA NOT NULL,
          demotion BYTEA,
          PRIMARY KEY (run_id, unit_code, subject_id, subject_kind)
        )
        """,
        """
        CREATE UNIQUE INDEX classification_results_current
          ON classification_results (year, subject_kind, subject_id)
          WHERE locked = 1 AND superseded_by_run_id IS NULL
        """,
        """
        CREATE INDEX classification_results_current_order
          ON classification_results (year, unit_code, subject_id, subject_kind)
          WHERE locked = 1 AND superseded_by_run_id IS NULL
        """,
      ])
    migrations.register(1, "idempotency", [IdempotencyLayout.classification.createTableSQL(.postgres)])
    return migrations
  }
}
