import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// A piece of a CSV export as a module streams it: bytes of the file, and how many data rows
/// they hold.
protocol CSVExportChunk: WireMessage {
  var data: [UInt8] { get }
  var rows: Int64 { get }
}

extension RegistryCsvChunk: CSVExportChunk {}
extension ClassificationCsvChunk: CSVExportChunk {}

/// A module's CSV export written as it streams in, to a file or to standard output: what
/// `units export`, `members export`, `values export` and `rating export` share.
enum CSVExport {
  /// Streams `method` into `output` (created or emptied first), or to standard output when it
  /// is nil; into a file, then says on standard error how many rows it holds, e.g.
  /// `wrote 120 ratings to ratings.csv` for the `rowNoun` "ratings".
  static func write<M: WireMethod & SendableMetatype>(
    _ method: M.Type, _ request: M.Input, to output: String?, rowNoun: String, timeout: Duration, options: GlobalOptions
  ) async throws where M.Output: CSVExportChunk {
    let handle: FileHandle
    if let output {
      guard FileManager.default.createFile(atPath: output, contents: nil) else {
        throw ValidationError("--output \(output): cannot create the file")
      }
      handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
    } else {
      handle = FileHandle.standardOutput
    }
    let rows = try await options.withClient { client in
      let counter = RowCounter()
      try await client.stream(method, request, timeout: timeout) { chunk in
        handle.write(Data(chunk.data))
        await counter.add(chunk.rows)
      }
      return await counter.rows
    }
    if let output {
      try handle.close()
      StandardError.print("wrote \(rows) \(rowNoun) to \(output)")
    }
  }

  /// Rows counted across a stream's items.
  private actor RowCounter {
    private(set) var rows: Int64 = 0
    func add(_ count: Int64) { rows += count }
  }
}
