import ReformKit

/// Why an edXML envelope could not be read or written, naming the element at fault by its path
/// from the root, e.g. `edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNumber` or
/// `edXMLEnvelope/edXMLBody/AttachmentEncoded/Attachment[1]/ContentTransferEncoded`.
public struct EdxmlError: DomainFailure, Equatable {
  /// `invalidArgument` for an envelope that is malformed or lacks an element;
  /// `failedPrecondition` when an attachment's content does not match its stored size.
  public var kind: DomainErrorKind
  /// The element path (or, when writing, the document field) at fault.
  public var field: String
  /// What is wrong.
  public var message: String

  /// A failure on `field`.
  public init(_ kind: DomainErrorKind = .invalidArgument, field: String, _ message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }
}
