import ReformWire
import Synchronization

/// Keeps the first import error streamed, for the message of a demo load that failed.
final class ErrorCollector: Sendable {
  private let kept = Mutex<RegistryImportError?>(nil)

  func add(_ errors: [RegistryImportError]) {
    kept.withLock { first in if first == nil { first = errors.first } }
  }

  var first: RegistryImportError? { kept.withLock { $0 } }
}
