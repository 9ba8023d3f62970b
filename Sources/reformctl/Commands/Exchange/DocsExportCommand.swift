import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl docs export`: one document as an edXML envelope (QCVN 102:2016/BTTTT), for an
/// organ outside the bloc or an archive — streamed to the file as the exchange writes it, its
/// attachments base64 inside.
struct DocsExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Save a document as an edXML envelope.",
    discussion: """
      Example: reformctl docs export '000.00.00.H41,2025/03/01,125/CV-ĐUK' --output 125-CV-DUK.xml

      Without --output the file is named as the exchange suggests, in the current folder. The \
      file appears only once the envelope is complete. \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: ArgumentHelp("The DocumentId.", valueName: "document-id")) var documentId: String

  @Option(help: ArgumentHelp("The file to write.", valueName: "file")) var output: String?

  @Option(help: ArgumentHelp("An OrganId for the envelope's To; every receiver of the document when omitted. Repeat for several.", valueName: "organ-id"))
  var to: [String] = []

  @Flag(help: "Leave the attachments out: metadata only.") var omitAttachments = false

  func run() async throws {
    let request = ExchangeExportEdxmlRequest(documentId: documentId, receiverOrganIds: to, omitAttachments: omitAttachments)
    let timeout = max(options.callTimeout, DocsCommand.transferTimeout)
    let envelope = EnvelopeFile(output: output)
    let (path, size) = try await TransferFailure.reporting {
      try await options.withClient { client in
        do {
          try await client.stream(ExchangeService.ExportEdxml.self, request, timeout: timeout) { chunk in
            try await envelope.append(chunk)
          }
          return try await envelope.finish()
        } catch {
          await envelope.abandon()
          throw TransferFailure.unwrapped(error)
        }
      }
    }
    StandardError.print("wrote \(path) (\(DocsText.size(size)))")
  }
}

/// The envelope being written: its file is opened by the first chunk, which carries the
/// suggested name.
private actor EnvelopeFile {
  private let output: String?
  private var file: PartFile?
  private var complete = false

  init(output: String?) {
    self.output = output
  }

  func append(_ chunk: ExchangeEnvelopeChunk) async throws {
    if file == nil {
      let suggested = chunk.fileName.isEmpty ? "document.edxml" : chunk.fileName
      file = try PartFile(path: output ?? suggested, resume: false, label: "writing", total: 0)
    }
    try await file?.write(chunk.content, at: chunk.offset)
    if chunk.last { complete = true }
  }

  /// Renames the complete envelope into place: its path and size.
  func finish() async throws -> (String, Int64) {
    guard let file, complete else {
      throw TransferFailure("the envelope ended before its last chunk; nothing was written, try again")
    }
    try await file.finish()
    return (file.path, await file.written)
  }

  /// Drops what was written of an incomplete envelope.
  func abandon() async {
    guard let file else { return }
    await file.abandon()
    try? FileManager.default.removeItem(atPath: await file.partPath)
  }
}
