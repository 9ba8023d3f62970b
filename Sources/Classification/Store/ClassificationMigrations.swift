import GRDB
import ReformStore

/// The classification store's schema, migration by migration, in order. Each is named
/// `classification.v<N>.<what>` and never changes once released; tables are prefixed
/// `classification_`.
enum ClassificationMigrations {
  /// Every migration, registered once.
  static var all: StoreMigrations {
    var migrations = StoreMigrations(module: "classification")
    migrations.register(1, "evaluations") { db in
      // The inputs as submitted (the proto message's bytes, output-only fields cleared), keyed
      // by subject and year; `is_person` orders collectives first in lists.
      let columns = """
          year INTEGER NOT NULL,
          subject_kind INTEGER NOT NULL,
          subject_id TEXT NOT NULL,
          is_person INTEGER NOT NULL,
          unit_code TEXT NOT NULL,
          subject_name TEXT NOT NULL,
          revision INTEGER NOT NULL,
          submitted_by BLOB,
          submitted_at INTEGER NOT NULL,
          payload BLOB NOT NULL
        """
      try db.execute(
        sql: """
          CREATE TABLE classification_evaluations (
          \(columns),
            PRIMARY KEY (year, subject_kind, subject_id)
          );
          CREATE INDEX classification_evaluations_order
            ON classification_evaluations (year, is_person, unit_code, subject_id, subject_kind);
          CREATE TABLE classification_evaluation_history (
          \(columns),
            PRIMARY KEY (year, subject_kind, subject_id, revision)
          );
          """)
    }
    migrations.register(1, "unit_links") { db in
      // Parent links named by submitted collectives, for the tree when no registry is at hand.
      try db.execute(
        sql: """
          CREATE TABLE classification_unit_links (
            unit_code TEXT PRIMARY KEY NOT NULL,
            parent_code TEXT NOT NULL
          );
          """)
    }
    migrations.register(1, "rule_sets") { db in
      // Rule sets loaded by operators, as the domain's JSON; the shipped sets live in the code.
      try db.execute(
        sql: """
          CREATE TABLE classification_rule_sets (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            content TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            effective_from TEXT,
            effective_to TEXT,
            loaded_at INTEGER NOT NULL,
            loaded_by BLOB,
            PRIMARY KEY (id, version)
          );
          """)
    }
    migrations.register(1, "quota_exceptions") { db in
      try db.execute(
        sql: """
          CREATE TABLE classification_quota_exceptions (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            unit_code TEXT NOT NULL,
            duty_group TEXT NOT NULL,
            revoked INTEGER NOT NULL,
            payload BLOB NOT NULL
          );
          CREATE INDEX classification_quota_exceptions_scope
            ON classification_quota_exceptions (year, unit_code, duty_group);
          """)
    }
    migrations.register(1, "runs") { db in
      // A run as answered (ClassificationRun's bytes) with its quota arithmetic; its ratings
      // are rows of classification_results. The current final rating of a subject is the one
      // locked and not superseded: at most one per subject and year.
      try db.execute(
        sql: """
          CREATE TABLE classification_runs (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            unit_code TEXT NOT NULL,
            mode INTEGER NOT NULL,
            payload BLOB NOT NULL,
            quota_groups BLOB NOT NULL
          );
          CREATE TABLE classification_results (
            run_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            subject_kind INTEGER NOT NULL,
            subject_id TEXT NOT NULL,
            subject_name TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            quota_unit_code TEXT NOT NULL,
            duty_group TEXT NOT NULL,
            level INTEGER NOT NULL,
            level_before_quota INTEGER NOT NULL,
            score INTEGER,
            quota_demoted INTEGER NOT NULL,
            locked INTEGER NOT NULL,
            superseded_by_run_id TEXT,
            rule_set_id TEXT NOT NULL,
            rule_set_version INTEGER NOT NULL,
            evaluation_revision INTEGER NOT NULL,
            rated_at INTEGER NOT NULL,
            checks BLOB NOT NULL,
            demotion BLOB,
            PRIMARY KEY (run_id, unit_code, subject_id, subject_kind)
          );
          CREATE UNIQUE INDEX classification_results_current
            ON classification_results (year, subject_kind, subject_id)
            WHERE locked = 1 AND superseded_by_run_id IS NULL;
          CREATE INDEX classification_results_current_order
            ON classification_results (year, unit_code, subject_id, subject_kind)
            WHERE locked = 1 AND superseded_by_run_id IS NULL;
          """)
    }
    migrations.register(1, "idempotency") { db in try IdempotencyLayout.classification.createTable(in: db) }
    return migrations
  }
}
