import Crypto
import Foundation
import ReformModule
import ReformWire

/// The SHA-256 of a request's wire bytes with its idempotency key cleared: equal for a repeat,
/// different for any other request under the same key. protobuf-c packs fields in number order,
/// so equal requests give equal bytes.
enum Fingerprint {
  static func of(_ request: some IdempotentRequest) throws -> Data {
    var keyless = request
    keyless.idempotencyKey = ""
    return Data(SHA256.hash(data: try keyless.wireBytes()))
  }
}
