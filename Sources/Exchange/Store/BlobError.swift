import Foundation

/// Why a file of the blob folder could not be used.
struct BlobError: Error, CustomStringConvertible {
  var operation: String
  var name: String
  var errno: Int32
  var description: String { "\(operation) of attachment file \(name): \(String(cString: strerror(errno)))" }
}
