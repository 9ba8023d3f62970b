import ReformKit

/// Why an edXML envelope could not be read or written, naming the element at fault by its path
/// from the root, e.g. `edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNumber` or
/// `edXMLEnvelope/edXMLBody/AttachmentEncoded/Attachment[1]/ContentTransferEncoded` (or, when
/// writing, the document field): `invalidArgument` for an envelope that is malformed or lacks an
/// element; `failedPrecondition` when an attachment's content does not match its stored size.
public typealias EdxmlError = RuleError<EdxmlFormat>

/// The rules of the edXML envelope format, which ``EdxmlReader`` and ``EdxmlWriter`` keep; it
/// names the refusals of either, ``EdxmlError``.
public enum EdxmlFormat {}
