import GRDB
import ReformStore

/// The exchange's schema, as named and ordered migrations. Every table starts with `exchange_`
/// and every identifier with `exchange.`, because `reformd up` keeps every module in one file.
///
/// Instants are whole microseconds since 1970 UTC (`*_us` columns), so that what a reply
/// carries and what a later read returns are the same to the digit; calendar days are
/// `yyyy-mm-dd` text in Asia/Ho_Chi_Minh, which orders and compares as text.
enum ExchangeMigrations {
  /// Every migration, registered once, in order. The ids are those every released file
  /// records (`exchange.v1.organs` …), so no id is renamed.
  static var all: StoreMigrations {
    var migrations = StoreMigrations(module: "exchange")
    migrations.register(1, "organs") { db in
      try db.execute(
        sql: """
          CREATE TABLE exchange_organs (
            unit_code TEXT PRIMARY KEY NOT NULL,
            organ_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
          )
          """)
    }
    migrations.register(1, "uploads") { db in
      try db.execute(
        sql: """
          CREATE TABLE exchange_uploads (
            upload_id TEXT PRIMARY KEY NOT NULL,
            unit_code TEXT NOT NULL,
            idempotency_key TEXT,
            fingerprint BLOB NOT NULL,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            declared_size INTEGER NOT NULL,
            declared_sha256 TEXT NOT NULL,
            received_bytes INTEGER NOT NULL,
            state TEXT NOT NULL,
            created_us INTEGER NOT NULL,
            expires_us INTEGER NOT NULL,
            attachment_id TEXT,
            UNIQUE (unit_code, idempotency_key)
          );
          CREATE INDEX exchange_uploads_expiry ON exchange_uploads (state, expires_us);
          CREATE TABLE exchange_attachments (
            attachment_id TEXT PRIMARY KEY NOT NULL,
            unit_code TEXT NOT NULL,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            note TEXT NOT NULL,
            file_name TEXT NOT NULL,
            committed_us INTEGER NOT NULL
          );
          """)
    }
    migrations.register(1, "documents") { db in
      try db.execute(
        sql: """
          CREATE TABLE exchange_documents (
            doc_seq INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL,
            sender_unit TEXT NOT NULL,
            sender_organ_id TEXT NOT NULL,
            sender_name TEXT NOT NULL,
            dup_organ_id TEXT NOT NULL,
            dup_year INTEGER NOT NULL,
            dup_number TEXT NOT NULL,
            dup_notation TEXT NOT NULL,
            issued_date TEXT NOT NULL,
            due_date TEXT,
            urgency INTEGER NOT NULL,
            subject_folded TEXT NOT NULL,
            metadata BLOB NOT NULL,
            sent_principal_id TEXT NOT NULL,
            sent_display_name TEXT NOT NULL,
            sent_unit TEXT NOT NULL,
            sent_us INTEGER NOT NULL,
            frozen_principal_id TEXT,
            frozen_display_name TEXT,
            frozen_unit TEXT,
            frozen_us INTEGER,
            duplicate_reason TEXT,
            duplicate_of TEXT
          );
          CREATE INDEX exchange_documents_id ON exchange_documents (document_id);
          CREATE INDEX exchange_documents_duplicate_key
            ON exchange_documents (dup_organ_id, dup_year, dup_number, dup_notation);
          CREATE INDEX exchange_documents_sent ON exchange_documents (sent_unit, doc_seq);
          CREATE TABLE exchange_document_attachments (
            doc_seq INTEGER NOT NULL REFERENCES exchange_documents (doc_seq),
            position INTEGER NOT NULL,
            attachment_id TEXT NOT NULL REFERENCES exchange_attachments (attachment_id),
            PRIMARY KEY (doc_seq, position)
          );
          CREATE INDEX exchange_document_attachments_attachment
            ON exchange_document_attachments (attachment_id);
          """)
    }
    migrations.register(1, "deliveries") { db in
      try db.execute(
        sql: """
          CREATE TABLE exchange_deliveries (
            delivery_seq INTEGER PRIMARY KEY AUTOINCREMENT,
            doc_seq INTEGER NOT NULL REFERENCES exchange_documents (doc_seq),
            receiver_unit TEXT NOT NULL,
            receiver_organ_id TEXT NOT NULL,
            receiver_name TEXT NOT NULL,
            arrival_year INTEGER NOT NULL,
            arrival_number INTEGER NOT NULL,
            arrival_us INTEGER NOT NULL,
            arrival_date TEXT NOT NULL,
            status INTEGER NOT NULL,
            recall_status INTEGER NOT NULL,
            last_notice_us INTEGER NOT NULL,
            done_date TEXT,
            refused_date TEXT,
            voided_principal_id TEXT,
            voided_display_name TEXT,
            voided_unit TEXT,
            voided_us INTEGER,
            voided_date TEXT,
            UNIQUE (receiver_organ_id, arrival_year, arrival_number)
          );
          CREATE INDEX exchange_deliveries_document ON exchange_deliveries (doc_seq);
          CREATE INDEX exchange_deliveries_inbox
            ON exchange_deliveries (receiver_unit, arrival_year, arrival_number);
          CREATE TABLE exchange_notices (
            notice_seq INTEGER PRIMARY KEY AUTOINCREMENT,
            notice_id TEXT NOT NULL UNIQUE,
            delivery_seq INTEGER NOT NULL REFERENCES exchange_deliveries (delivery_seq),
            code INTEGER NOT NULL,
            by_sender INTEGER NOT NULL,
            detail TEXT NOT NULL,
            time_us INTEGER NOT NULL,
            staff_full_name TEXT,
            staff_department TEXT,
            staff_email TEXT,
            staff_phone TEXT,
            recorded_principal_id TEXT NOT NULL,
            recorded_display_name TEXT NOT NULL,
            recorded_unit TEXT NOT NULL
          );
          CREATE INDEX exchange_notices_delivery ON exchange_notices (delivery_seq, notice_seq);
          """)
    }
    migrations.register(1, "events") { db in
      try db.execute(
        sql: """
          CREATE TABLE exchange_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            unit_code TEXT NOT NULL,
            kind INTEGER NOT NULL,
            delivery_seq INTEGER NOT NULL,
            notice_seq INTEGER
          );
          CREATE INDEX exchange_events_unit ON exchange_events (unit_code, seq);
          """)
    }
    migrations.register(1, "idempotency") { db in try IdempotencyLayout.exchange.createTable(in: db) }
    return migrations
  }
}
