import Foundation

/// Where an envelope to import is.
enum EnvelopeSource {
  /// In the request.
  case bytes(Data)
  /// In the file of an uploaded attachment.
  case file(String)
}
