import Foundation
import Hummingbird
import ReformClient
import ReformWire

/// Live updates of the operations page: a stream of server-sent events carrying the rows of
/// its two tables, rendered here with the page's own templates, sent every
/// ``liveInterval`` and at once whenever the coordinator's health stream reports a change.
/// The page's script (`/console/tep/truc-tiep.js`) puts each in place; without script the page
/// is the same, as of its loading.
extension Console {
  static let liveInterval: Duration = .seconds(2)

  func registerLive(on router: Router<BasicRequestContext>) {
    router.get("/console/van-hanh/truc-tiep") { request, _ in try await live(request) }
    router.get("/console/tep/truc-tiep.js") { _, _ in
      Response(
        status: .ok,
        headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: ConsoleStyle.liveScript)))
    }
  }

  private func live(_ request: Request) async throws -> Response {
    guard let first = await session(of: request) else { return Response(status: .unauthorized) }
    let id = first.id
    let body = ResponseBody { [self] writer in
      // Past the console's bound, the stream ends at once with `lost`: the page stays as
      // loaded. The place is taken and given back here, where the stream runs, so none is
      // left held.
      guard let place = await liveStreams.acquire(id) else {
        try await writer.write(ByteBuffer(string: Self.event("lost", "")))
        try await writer.finish(nil)
        return
      }
      defer { Task { await liveStreams.release(place, of: id) } }
      let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
      let sink = ChunkSink(writer)
      // One connection to the coordinator for the whole stream: its health stream and every
      // tick's reads share it.
      _ = try? await call(first) { client in
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            while !Task.isCancelled {
              wake.yield()
              try await Task.sleep(for: Self.liveInterval)
            }
          }
          group.addTask {
            // The coordinator's health stream: a module that stops or starts serving wakes the
            // page at once. A stream that ends (the coordinator restarting) leaves the ticks.
            try? await client.stream(HealthService.Watch.self, HealthCheckRequest(service: "")) { _ in wake.yield() }
          }
          defer { group.cancelAll() }
          var previous: OperationsView.Sample?
          for await _ in wakes {
            // The session still holds, and this stream its place, else the stream ends and
            // the page says so.
            guard await liveStreams.holds(place, of: id), let session = await sessions.peek(id) else {
              try await sink.write(Array(Self.event("lost", "").utf8))
              return
            }
            let view: OperationsView
            do {
              let (status, workers) = try await Self.hubState(client)
              view = OperationsView(session: session, status: status, workers: workers, previous: previous)
            } catch {
              // Said to the page; a token no longer accepted also ends the session (`call`).
              try await sink.write(Array(Self.event("lost", "").utf8))
              throw error
            }
            previous = view.sample
            let modules = templates.render(view, withTemplate: "operations-modules") ?? ""
            let workers = templates.render(view, withTemplate: "operations-workers") ?? ""
            try await sink.write(Array((Self.event("modules", modules) + Self.event("workers", workers) + Self.event("time", view.time)).utf8))
          }
        }
      }
      writer = sink.writer
      try await writer.finish(nil)
    }
    return Response(
      status: .ok,
      headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
      body: body)
  }

  /// One server-sent event: each line of `data` on its own `data:` line. A line ends at any
  /// newline (CR, LF, CRLF and the rest), so no value in the data can start a field of its own.
  static func event(_ name: String, _ data: String) -> String {
    "event: \(name)\n" + data.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { "data: \($0)\n" }.joined() + "\n"
  }
}
