import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads one document from an edXML envelope as ``EdxmlWriter`` writes it, streaming with
/// `XMLParser`: attachment content is decoded as it is parsed and handed to a sink the caller
/// opens per attachment, so a large envelope is never held whole by the reader.
///
/// Elements of the edXML namespace that the writer does not write (for instance `Content`,
/// `SteeringType`, `TraceHeaderList`) and elements of other namespaces are skipped, so envelopes
/// from other systems still read. A missing or malformed element, or attachment content that is
/// not base64 or does not match its `Size`, is an ``EdxmlError`` naming the element. External
/// entities are never fetched; edXML declares no entities of its own. The reader checks
/// structure and form; whether the document may be stored is
/// ``StorableDocument/init(admitting:today:)``'s to say.
public struct EdxmlReader: Sendable {
  /// A reader.
  public init() {}

  /// Reads the envelope in `data`. `attachmentSink` is called once per attachment whose content
  /// the envelope carries, with its index in the manifest and its metadata, before any of its
  /// bytes; the function it returns receives those bytes in order. Throws ``EdxmlError`` or
  /// whatever the sinks throw.
  public func read(
    _ data: Data,
    attachmentSink: (_ index: Int, _ attachment: Attachment) throws -> (Data) throws -> Void = { _, _ in { _ in } }
  ) throws -> EdxmlImport {
    try read(XMLParser(data: data), attachmentSink: attachmentSink)
  }

  /// Reads the envelope from `stream`, as ``read(_:attachmentSink:)`` does.
  public func read(
    from stream: InputStream,
    attachmentSink: (_ index: Int, _ attachment: Attachment) throws -> (Data) throws -> Void = { _, _ in { _ in } }
  ) throws -> EdxmlImport {
    try read(XMLParser(stream: stream), attachmentSink: attachmentSink)
  }

  private func read(
    _ parser: XMLParser, attachmentSink: (Int, Attachment) throws -> (Data) throws -> Void
  ) throws -> EdxmlImport {
    try withoutActuallyEscaping(attachmentSink) { attachmentSink in
      let handler = EdxmlParserHandler(openSink: attachmentSink)
      parser.delegate = handler
      parser.shouldProcessNamespaces = true
      parser.shouldResolveExternalEntities = false
      _ = parser.parse()
      parser.delegate = nil
      if let failure = handler.failure { throw failure }
      if let error = parser.parserError {
        throw EdxmlError(
          field: EdxmlNames.envelope,
          "not well-formed XML near line \(parser.lineNumber), column \(parser.columnNumber) "
            + "(\((error as NSError).code))")
      }
      return try handler.envelope.assemble()
    }
  }
}
