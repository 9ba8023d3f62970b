import GRDB
import ReformKit

extension ExchangeStore {
  /// What the store's engine threw, as a caller of the store sees it: a file another
  /// connection held past the busy timeout is ``StoreFailure/busy(store:detail:)``, which every
  /// module answers with the retryable `UNAVAILABLE`; any other error is returned unchanged.
  static func failure(_ error: any Error) -> any Error {
    guard let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED else {
      return error
    }
    return StoreFailure.busy(store: "exchange", detail: error.message ?? "the file is locked")
  }
}
