import ArgumentParser
import Dispatch
import Foundation
import ReformClient
import ReformWire
import Synchronization

/// `reformctl docs watch`: follows a unit's mailbox, printing each arrival (and, with
/// `--notices`, each status notice) as a line that starts with its cursor.
///
/// The stream resumes by itself from the last cursor when it breaks (a worker replaced, the
/// coordinator restarted), so nothing is missed and nothing shown twice; on Ctrl-C the command
/// prints the cursor to resume from with `--cursor`.
struct DocsWatchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Print a unit's arrivals as they come, resuming from a cursor.",
    discussion: """
      Example: reformctl docs watch --unit DBCS-SNV --notices --cursor w1520

      Each line starts with its event's cursor: 'docs watch --cursor CURSOR' resumes right \
      after that event. Without --cursor the watch starts now. \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: DocsCommand.unitHelp) var unit: String = ""

  @Option(help: ArgumentHelp("Resume right after the event that printed this cursor.", valueName: "cursor"))
  var cursor: String?

  @Flag(help: "Also print status notices about the unit's sent documents, and recall requests about its received ones.")
  var notices = false

  @Option(help: ArgumentHelp("Stop after this many events.", valueName: "count")) var count: Int?

  func validate() throws {
    if let count, count < 1 { throw ValidationError("--count must be at least 1") }
  }

  func run() async throws {
    let unit = unit, notices = notices, count = count, timeout = options.callTimeout
    let position = WatchPosition(cursor ?? "")
    var resume = ["reformctl", "docs", "watch"]
    if !unit.isEmpty { resume += ["--unit", unit] }
    if notices { resume.append("--notices") }
    let stop = Self.printCursorOnInterrupt(position, resume: resume.joined(separator: " "))
    defer { stop.forEach { $0.cancel() } }
    try await options.withClient { client in
      if position.cursor.isEmpty {
        // The inbox's cursor marks "now" in a form that can be resumed from, unlike an empty one.
        let now = try await client.call(
          ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageSize: 1), unitCode: unit),
          timeout: timeout)
        position.cursor = now.watchCursor
      }
      StandardError.print("watching \(unit.isEmpty ? "the token's unit" : unit) from cursor \(position.cursor); Ctrl-C stops")
      var wait: Duration = .milliseconds(250)
      while true {
        let request = ExchangeWatchRequest(unitCode: unit, cursor: position.cursor, includeNotices: notices)
        do {
          try await client.stream(ExchangeService.Watch.self, request) { event in
            Self.emit(Self.line(event))
            position.cursor = event.cursor
            if let count, position.advance() >= count { throw WatchDone() }
          }
        } catch let error as ReformError where error.cause is WatchDone {
          return
        } catch let error as ReformError where error.code == .unavailable {
          StandardError.print("reformctl: the watch broke (\(error.message)); resuming from cursor \(position.cursor)")
          try await Task.sleep(for: wait)
          wait = min(wait * 2, .seconds(8))
          continue
        }
        wait = .milliseconds(250)
      }
    }
  }

  /// One event as a line: cursor, time, what happened, and about which document.
  static func line(_ event: ExchangeWatchEvent) -> String {
    switch event.event {
    case .arrival(let incoming)?:
      let document = incoming.document ?? ExchangeDocument()
      let metadata = document.metadata ?? ExchangeDocumentMetadata()
      return [
        event.cursor, Format.wallClock(incoming.delivery?.arrivalTime), "arrived", DocsText.arrival(incoming.delivery),
        DocsText.urgency(metadata.urgency), document.documentId, "from \(DocsText.organName(document.sender))",
        DocsText.cut(metadata.subject, 500),
      ].joined(separator: "  ")
    case .notice(let notice)?:
      var parts = [
        event.cursor, Format.wallClock(notice.time), "notice", DocsText.notice(notice.code), notice.documentId,
        "from \(DocsText.organName(notice.fromOrgan))",
      ]
      if !notice.detail.isEmpty { parts.append(DocsText.cut(notice.detail, 500)) }
      return parts.joined(separator: "  ")
    case nil:
      return "\(event.cursor)  (an event this reformctl does not know)"
    }
  }

  /// Writes a line to standard output at once, so that a pipe sees each event as it comes.
  private static func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  /// On SIGINT or SIGTERM: the cursor to resume from, on standard error, then exit 0.
  private static func printCursorOnInterrupt(_ position: WatchPosition, resume: String) -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        StandardError.print("\nstopped; resume with: \(resume) --cursor \(position.cursor)")
        Foundation.exit(0)
      }
      source.resume()
      return source
    }
  }
}

/// Where a watch stands: the last cursor seen and how many events were printed, shared with the
/// signal handler.
private final class WatchPosition: Sendable {
  private let state: Mutex<(cursor: String, events: Int)>

  init(_ cursor: String) {
    state = Mutex((cursor, 0))
  }

  var cursor: String {
    get { state.withLock { $0.cursor } }
    set { state.withLock { $0.cursor = newValue } }
  }

  /// Counts one more event; the count so far.
  func advance() -> Int {
    state.withLock {
      $0.events += 1
      return $0.events
    }
  }
}

/// Thrown by the item handler to end the stream once `--count` events were printed.
private struct WatchDone: Error {}
