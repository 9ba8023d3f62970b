import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl docs import`: delivers the document of an edXML envelope (QCVN 102:2016/BTTTT) to
/// the units of the bloc in its To, as `docs send` would — the same checks, the same refusal of
/// secret documents, the same duplicate rule.
///
/// A small envelope travels in the call itself; a larger one is uploaded first, in chunks, under
/// the command's idempotency key, so that a repeat with `--key` resumes it.
struct DocsImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Deliver the document of an edXML envelope to the bloc's units in its To.",
    discussion: """
      Example: reformctl docs import 7816-VPCP-TTDT.xml

      The DocumentId comes first on standard output, then every receiver's copy. \(ExitStatus.help)
      """
  )

  /// Envelopes up to this size go in the call; larger ones are uploaded first.
  static let inlineBytes: Int64 = 1 << 20

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: ArgumentHelp("The edXML envelope.", valueName: "file")) var file: String

  @Option(help: DocsCommand.unitHelp) var unit: String = ""

  @Option(help: ArgumentHelp("Deliver even though the document duplicates an earlier one, for this reason (recorded).", valueName: "reason"))
  var confirmDuplicate: String = ""

  @Option(help: ArgumentHelp("The idempotency key; one is made when omitted. Repeat a failed import with the key it printed.", valueName: "key"))
  var key: String?

  func validate() throws {
    guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("\(file): no such readable file") }
  }

  func run() async throws {
    let key = key ?? UUID().uuidString
    let file = file, unit = unit, confirmDuplicate = confirmDuplicate
    let timeout = max(options.callTimeout, DocsCommand.transferTimeout)
    let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
    let response = try await TransferFailure.reporting {
      try await options.withClient { client in
        try await KeyedRetry.resumable("the import", key: key, without: "delivering twice") {
          let source: ExchangeImportEdxmlRequest.Source
          if size <= Self.inlineBytes {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot read the file") }
            source = .envelope([UInt8](data))
          } else {
            let upload = AttachmentUpload(path: file, key: "\(key)/envelope", unit: unit)
            source = .attachmentId(try await upload.run(client: client, timeout: timeout).attachmentId)
          }
          let request = ExchangeImportEdxmlRequest(idempotencyKey: key, source: source, confirmDuplicateReason: confirmDuplicate)
          return try await KeyedRetry.run("importing") {
            try await client.call(ExchangeService.ImportEdxml.self, request, timeout: timeout)
          }
        }
      }
    }
    DocsSendCommand.report(response)
  }
}
