import Foundation

/// The bookkeeping of a stored unit or person: its revision (incremented on every change) and
/// when it was created and last changed (UTC).
struct RecordStamp: Sendable, Hashable {
  var revision: Int64
  var createdAt: Date
  var updatedAt: Date

  /// The stamp of a record written for the first time at `now`.
  static func created(at now: Date) -> RecordStamp { RecordStamp(revision: 1, createdAt: now, updatedAt: now) }

  /// The stamp after one more change at `now`.
  func changed(at now: Date) -> RecordStamp {
    RecordStamp(revision: revision + 1, createdAt: createdAt, updatedAt: now)
  }
}

/// The bookkeeping of a stored indicator value: the set version it was reported against and
/// its revision.
struct ValueStamp: Sendable, Hashable {
  var setVersion: Int
  var revision: Int64
}
