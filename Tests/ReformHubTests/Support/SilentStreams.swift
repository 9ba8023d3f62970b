import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ReformWire

/// Server streams whose caller never reads an item: the hostile or stuck client that flow
/// control must withstand. They share one HTTP/2 connection whose windows are small (64 KiB),
/// as a careful client's would be, so that what the server sends stops at the window instead
/// of filling this test process; everything behind that is the server's to hold or not.
///
/// The streams stay open while `body` runs and are cancelled when it returns.
enum SilentStreams {
  static func open<M: WireMethod, R: Sendable>(
    _ method: M.Type, _ request: M.Input, count: Int, socket: String, token: String,
    _ body: @Sendable () async throws -> R
  ) async throws -> R {
    var config = HTTP2ClientTransport.Posix.Config.defaults
    config.http2.targetWindowSize = 65_535
    let transport = try HTTP2ClientTransport.Posix(
      target: .unixDomainSocket(path: socket), transportSecurity: .plaintext, config: config)
    let client = GRPCClient(transport: transport)
    return try await withThrowingTaskGroup(of: R?.self) { group in
      group.addTask {
        try await client.runConnections()
        return nil
      }
      let metadata: Metadata = ["authorization": "Bearer \(token)"]
      for _ in 0..<count {
        group.addTask {
          _ = try? await client.serverStreaming(
            request: ClientRequest(message: request, metadata: metadata), descriptor: M.descriptor,
            serializer: M.serializer, deserializer: M.deserializer, options: .defaults
          ) { _ in
            // Never reads: holds the stream open until cancelled.
            try await Task.sleep(for: .seconds(3600))
          }
          return nil
        }
      }
      defer {
        group.cancelAll()
        client.beginGracefulShutdown()
      }
      return try await body()
    }
  }
}

/// The resident memory of a process, from `VmRSS` in `/proc/PID/status`, in bytes.
func residentBytes(of pid: Int32) -> Int64 {
  guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
    let kilobytes = Int64(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
  else { return 0 }
  return kilobytes * 1024
}
