import ArgumentParser

/// `reformctl docs`: official documents exchanged between the bloc's agencies (liên thông văn
/// bản, edXML of QCVN 102:2016/BTTTT) through the `exchange` module.
///
/// One file per subcommand: ``DocsSendCommand``, ``DocsInboxCommand``, ``DocsWatchCommand``,
/// ``DocsShowCommand``, ``DocsStatusCommand``, ``DocsRecallCommand``, ``DocsTraceCommand``,
/// ``DocsExportCommand`` and ``DocsImportCommand``. What they share: the arguments of
/// `DocsArguments.swift`, the wording of ``DocsText``, the transfers of ``AttachmentUpload`` and
/// ``PartFile``, and the retries of ``KeyedRetry``.
struct DocsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docs",
    abstract: "Send, receive and follow official documents between agencies (văn bản đi, văn bản đến).",
    discussion: """
      A clerk acts for the unit of their token; an admin or operator names the unit with \
      --unit. Documents are named by their DocumentId, e.g. \
      '000.00.00.H41,2025/03/01,125/CV-ĐUK' (quote it in the shell).
      """,
    subcommands: [
      DocsSendCommand.self, DocsInboxCommand.self, DocsWatchCommand.self, DocsShowCommand.self, DocsStatusCommand.self,
      DocsRecallCommand.self, DocsTraceCommand.self, DocsExportCommand.self, DocsImportCommand.self,
    ]
  )

  /// The help of every `--unit` option of the group.
  static let unitHelp = ArgumentHelp(
    "The registry unit to act for, e.g. DBCS-SNV; the token's own unit when omitted.", valueName: "code")

  /// Transfers of attachments and envelopes may take minutes: their calls get at least this
  /// long, whatever `--timeout` says.
  static let transferTimeout: Duration = .seconds(600)
}
