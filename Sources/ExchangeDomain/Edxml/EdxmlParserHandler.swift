import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The `XMLParser` delegate behind ``EdxmlReader``: follows the element path, collects the
/// texts the reader knows into ``EdxmlValues``, skips everything else, and streams attachment
/// content through a base64 decoder into the caller's sinks.
///
/// A failure (``EdxmlError`` or a sink's error) is kept in ``failure`` and stops the parse.
final class EdxmlParserHandler: NSObject, XMLParserDelegate {
  /// One attachment's content being streamed.
  private struct Streaming {
    var index: Int
    var attachment: Attachment
    var element: String
    var sink: (Data) throws -> Void
    var decoder = Base64ChunkDecoder()
    var received: Int64 = 0
  }

  private let openSink: (Int, Attachment) throws -> (Data) throws -> Void
  private(set) var envelope = EdxmlValues()
  private(set) var failure: (any Error)?
  /// Names of the open elements below the root.
  private var path: [String] = []
  private var rootOpen = false
  /// Depth inside an element being skipped (unknown, or of another namespace).
  private var skipping = 0
  /// The text of the leaf being read; nil outside one.
  private var text: String?
  /// Paths of elements outside groups already met, which may not repeat.
  private var seen: Set<String> = []
  private var manifest: [(contentId: String, attachment: Attachment)] = []
  private var streaming: Streaming?

  init(openSink: @escaping (Int, Attachment) throws -> (Data) throws -> Void) {
    self.openSink = openSink
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    guard failure == nil else { return }
    if skipping > 0 {
      skipping += 1
      return
    }
    guard rootOpen else {
      guard name == EdxmlNames.envelope, namespaceURI == EdxmlNames.namespace else {
        return fail(
          parser,
          EdxmlError(
            field: name, "the root element must be \(EdxmlNames.envelope) in the namespace \(EdxmlNames.namespace)"))
      }
      rootOpen = true
      return
    }
    let relative = (path + [name]).joined(separator: "/")
    guard namespaceURI == EdxmlNames.namespace, let kind = EdxmlShape.kinds[relative] else {
      skipping = 1
      return
    }
    path.append(name)
    switch kind {
    case .group:
      envelope.groups[relative, default: []].append([:])
    case .repeatedLeaf:
      text = ""
    case .content:
      startContent(parser)
    case .container, .leaf:
      if EdxmlShape.kinds[parentPath] != .group, !seen.insert(relative).inserted {
        return fail(parser, EdxmlError(field: EdxmlShape.element(relative), "appears more than once"))
      }
      if kind == .leaf { text = "" }
      if relative == EdxmlShape.encoded { startEncoded(parser) }
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard failure == nil, skipping == 0 else { return }
    if streaming != nil {
      feed(string, parser)
    } else if text != nil {
      text? += string
    }
  }

  func parser(_ parser: XMLParser, foundCDATA block: Data) {
    self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    guard failure == nil else { return }
    if skipping > 0 {
      skipping -= 1
      return
    }
    guard !path.isEmpty else { return }
    let relative = path.joined(separator: "/")
    switch EdxmlShape.kinds[relative] {
    case .leaf?:
      endLeaf(name, relative, parser)
    case .repeatedLeaf?:
      envelope.lists[relative, default: []].append(text ?? "")
      text = nil
    case .content?:
      endContent(parser)
    case .container?, .group?, nil:
      break
    }
    path.removeLast()
  }

  private var parentPath: String { path.dropLast().joined(separator: "/") }

  private func endLeaf(_ name: String, _ relative: String, _ parser: XMLParser) {
    let value = text ?? ""
    text = nil
    let parent = parentPath
    guard EdxmlShape.kinds[parent] == .group, let index = envelope.groups[parent]?.indices.last else {
      envelope.leaves[relative] = value
      return
    }
    guard envelope.groups[parent]?[index][name] == nil else {
      return fail(
        parser, EdxmlError(field: EdxmlShape.element(parent, index: index, leaf: name), "appears more than once"))
    }
    envelope.groups[parent]?[index][name] = value
  }

  /// The manifest comes before the content, so the attachments are known from here on.
  private func startEncoded(_ parser: XMLParser) {
    envelope.includesContent = true
    do throws(EdxmlError) {
      manifest = try envelope.manifest()
    } catch {
      fail(parser, error)
    }
  }

  private func startContent(_ parser: XMLParser) {
    let group = EdxmlShape.attachment
    let groupIndex = (envelope.groups[group]?.count ?? 1) - 1
    let element = EdxmlShape.element(group, index: groupIndex, leaf: EdxmlNames.contentTransferEncoded)
    guard let contentId = envelope.groups[group]?[groupIndex][EdxmlNames.contentId] else {
      return fail(parser, EdxmlError(field: element, "\(EdxmlNames.contentId) must come before it"))
    }
    guard let index = manifest.firstIndex(where: { $0.contentId == contentId }) else {
      return fail(
        parser,
        EdxmlError(
          field: EdxmlShape.element(group, index: groupIndex, leaf: EdxmlNames.contentId),
          "\"\(contentId)\" is not in \(EdxmlNames.manifest)"))
    }
    guard envelope.contentReceived.insert(index).inserted else {
      return fail(parser, EdxmlError(field: element, "the content of \"\(contentId)\" appears twice"))
    }
    let attachment = manifest[index].attachment
    do {
      streaming = Streaming(
        index: index, attachment: attachment, element: element, sink: try openSink(index, attachment))
    } catch {
      fail(parser, error)
    }
  }

  private func feed(_ string: String, _ parser: XMLParser) {
    guard var current = streaming else { return }
    guard let bytes = current.decoder.decode(string) else {
      return fail(parser, EdxmlError(field: current.element, "not base64"))
    }
    current.received += Int64(bytes.count)
    guard current.received <= current.attachment.sizeBytes else {
      return fail(
        parser,
        EdxmlError(
          field: current.element, "more bytes than the manifest's Size of \(current.attachment.sizeBytes)"))
    }
    streaming = current
    guard !bytes.isEmpty else { return }
    do {
      try current.sink(bytes)
    } catch {
      fail(parser, error)
    }
  }

  private func endContent(_ parser: XMLParser) {
    guard let current = streaming else { return }
    streaming = nil
    guard current.decoder.isComplete else {
      return fail(parser, EdxmlError(field: current.element, "the base64 ends in the middle of a group"))
    }
    guard current.received == current.attachment.sizeBytes else {
      return fail(
        parser,
        EdxmlError(
          field: current.element,
          "\(current.received) bytes, but the manifest's Size is \(current.attachment.sizeBytes)"))
    }
  }

  private func fail(_ parser: XMLParser, _ error: any Error) {
    guard failure == nil else { return }
    failure = error
    parser.abortParsing()
  }
}
