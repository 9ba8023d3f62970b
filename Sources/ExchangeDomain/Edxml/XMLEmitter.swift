import Foundation

/// Writes the edXML envelope as indented UTF-8 and hands it on in chunks of about `chunkSize`
/// bytes, so an envelope is never held whole.
struct XMLEmitter {
  private let output: (Data) throws -> Void
  private let chunkSize: Int
  private var buffer = Data()
  private var depth = 0

  init(chunkSize: Int, output: @escaping (Data) throws -> Void) {
    self.chunkSize = chunkSize
    self.output = output
  }

  /// The XML declaration and the root element, which binds the edXML namespace.
  mutating func begin() throws {
    let root = "\(EdxmlNames.prefix):\(EdxmlNames.envelope)"
    try append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    try append("<\(root) xmlns:\(EdxmlNames.prefix)=\"\(EdxmlNames.namespace)\">")
    depth = 1
  }

  /// Opens a container element on its own line.
  mutating func open(_ name: String) throws {
    try append("\n\(indent)<\(EdxmlNames.prefix):\(name)>")
    depth += 1
  }

  /// Closes the container element `name`.
  mutating func close(_ name: String) throws {
    depth -= 1
    try append("\n\(indent)</\(EdxmlNames.prefix):\(name)>")
  }

  /// An element holding `text`, escaped.
  mutating func leaf(_ name: String, _ text: String) throws {
    try append("\n\(indent)<\(EdxmlNames.prefix):\(name)>\(XMLEmitter.escaped(text))</\(EdxmlNames.prefix):\(name)>")
  }

  /// Opens an element whose content follows through ``appendVerbatim(_:)``, on the same line.
  mutating func openInline(_ name: String) throws {
    try append("\n\(indent)<\(EdxmlNames.prefix):\(name)>")
  }

  /// Content that needs no escaping (base64), as it comes.
  mutating func appendVerbatim(_ data: Data) throws {
    try append(data)
  }

  /// Closes an element opened by ``openInline(_:)``.
  mutating func closeInline(_ name: String) throws {
    try append("</\(EdxmlNames.prefix):\(name)>")
  }

  /// Closes the root and hands on what is left.
  mutating func end() throws {
    try append("\n</\(EdxmlNames.prefix):\(EdxmlNames.envelope)>\n")
    if !buffer.isEmpty { try output(buffer) }
    buffer = Data()
  }

  private var indent: String { String(repeating: "  ", count: depth) }

  private mutating func append(_ text: String) throws {
    try append(Data(text.utf8))
  }

  private mutating func append(_ data: Data) throws {
    buffer.append(data)
    guard buffer.count >= chunkSize else { return }
    // Hand on whole chunks first and keep the rest once, rather than shifting the buffer per chunk.
    var start = buffer.startIndex
    while buffer.endIndex - start >= chunkSize {
      try output(Data(buffer[start..<start + chunkSize]))
      start += chunkSize
    }
    buffer = Data(buffer[start...])
  }

  /// `&`, `<` and `>` as entities, and carriage returns as `&#13;` so that a parser's line-end
  /// normalization cannot turn CR LF into LF.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\r": result += "&#13;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
