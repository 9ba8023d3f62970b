import ReformKit

extension StoreFailure {
  /// The name the classification store gives in its failures.
  static let classificationStore = "classification"

  /// A stored value of the classification store that does not read back: the file was damaged
  /// or written by another program.
  static func damaged(_ detail: String) -> StoreFailure { .corrupt(store: classificationStore, detail: detail) }
}
