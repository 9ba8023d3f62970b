/// Cuts an exported CSV file into pieces that each end at a record's end (a quoted field may
/// hold line breaks, so a line end inside quotes is not one), counting the data rows of each.
enum CSVChunker {
  /// About how many bytes a piece holds; a longer record makes a longer piece.
  static let pieceSize = 64 * 1024

  /// The pieces of `text`, whose first record is the header.
  static func pieces(of text: String) -> [(data: [UInt8], rows: Int)] {
    let bytes = Array(text.utf8)
    var pieces: [(data: [UInt8], rows: Int)] = []
    var start = 0
    var rows = 0
    var quoted = false
    var headerSeen = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") {
        quoted.toggle()
      } else if byte == UInt8(ascii: "\n"), !quoted {
        if headerSeen { rows += 1 } else { headerSeen = true }
        if index - start >= pieceSize {
          pieces.append((Array(bytes[start..<index]), rows))
          start = index
          rows = 0
        }
      }
    }
    if start < bytes.count || pieces.isEmpty { pieces.append((Array(bytes[start...]), rows)) }
    return pieces
  }
}
