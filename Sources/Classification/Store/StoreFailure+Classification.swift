import GRDB
import ReformKit

extension StoreFailure {
  /// The name the classification store gives in its failures.
  static let classificationStore = "classification"

  /// A stored value of the classification store that does not read back: the file was damaged
  /// or written by another program.
  static func damaged(_ detail: String) -> StoreFailure { .corrupt(store: classificationStore, detail: detail) }

  /// `error` as the store's callers see it: SQLite busy or locked past the timeout is
  /// ``busy(store:detail:)``, any other database error ``failed(store:detail:)``; what is not
  /// the database's (a refusal, a failure already translated) passes unchanged.
  static func translated(_ error: any Error) -> any Error {
    guard let error = error as? DatabaseError else { return error }
    if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
      return StoreFailure.busy(store: classificationStore, detail: error.message ?? "")
    }
    return StoreFailure.failed(store: classificationStore, detail: "\(error)")
  }
}
