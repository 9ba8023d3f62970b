import GRPCCore
import Logging
import ReformKit
import ReformClient
import ReformModule
import ReformSecurity
import ReformTracing
import ReformWire

/// ``ModuleCalls`` through the coordinator: one long-lived ``ReformClient`` connection,
/// authenticated with the modules' service token, opened by the first call.
///
/// The token file is read when the connection opens, not when the worker starts, so a worker
/// started before the coordinator wrote the token still calls other modules once it exists.
///
/// Calls made before the connection is up wait for it; once ``close()`` is called, calls get
/// `UNAVAILABLE`.
public final class CoordinatorCalls: ModuleCalls {
  private let connection: Connection

  /// - Parameters:
  ///   - coordinator: The coordinator's address, as a worker dials it.
  ///   - tokenFile: The file of the modules' service token (mode 0600).
  ///   - tls: TLS to the coordinator, as the worker's own.
  ///   - insecure: Plaintext to a coordinator off loopback, as the worker's own `--insecure`.
  public init(coordinator: ReformAddress, tokenFile: String, tls: ClientTLS?, insecure: Bool = false, logger: Logger) {
    connection = Connection(
      address: coordinator.description, tokenFile: tokenFile, tls: tls, insecure: insecure, logger: logger)
  }

  public func call<M: WireMethod>(_ method: M.Type, _ request: M.Input, timeout: Duration?) async throws -> M.Output {
    guard let client = await connection.client() else {
      throw RPCError(code: .unavailable, message: "\(M.info.path): the coordinator cannot be reached from this worker")
    }
    // The job's trace goes on, from this call's own span, a child of the job's.
    let identity = TraceParent.current.map(SpanIdentity.child(of:))
    let span = identity.map { CallSpan.start(M.info, identity: $0, kind: .client) }
    do {
      let output = try await client.call(
        M.self, request, timeout: timeout ?? .seconds(30), metadata: identity.map { [("traceparent", $0.own.description)] } ?? [])
      if let span { CallSpan.end(span, code: nil) }
      return output
    } catch {
      let code = RPCError.Code(error.code)
      if let span { CallSpan.end(span, code: code) }
      throw RPCError(code: code, message: "\(M.info.path): \(error.message)")
    }
  }

  /// Closes the connection; later calls get `UNAVAILABLE`.
  public func close() async {
    await connection.close()
  }

  /// The connection's state: the client once connected, and the calls waiting for it.
  private actor Connection {
    let address: String
    let tokenFile: String
    let tls: ClientTLS?
    let insecure: Bool
    let logger: Logger
    private var current: ReformClient?
    private var waiting: [CheckedContinuation<ReformClient?, Never>] = []
    private var task: Task<Void, Never>?
    private var closed = false

    init(address: String, tokenFile: String, tls: ClientTLS?, insecure: Bool, logger: Logger) {
      self.address = address
      self.tokenFile = tokenFile
      self.tls = tls
      self.insecure = insecure
      self.logger = logger
    }

    func client() async -> ReformClient? {
      if let current { return current }
      if closed { return nil }
      if task == nil { open() }
      return await withCheckedContinuation { waiting.append($0) }
    }

    func close() {
      closed = true
      task?.cancel()
      current = nil
      resumeWaiting(with: nil)
    }

    private func open() {
      let address = address, tokenFile = tokenFile, tls = tls, insecure = insecure, logger = logger
      task = Task {
        do {
          let token = try TokenFile.read(from: tokenFile)
          try await ReformClient.connect(to: address, token: token, tls: tls, insecure: insecure) { client in
            await self.ready(client)
            // The connection lives until the worker closes it.
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
          }
        } catch {
          logger.warning("calls to other modules are unavailable", metadata: ["error": "\(error)"])
        }
        self.lost()
      }
    }

    private func ready(_ client: ReformClient) {
      current = client
      resumeWaiting(with: client)
    }

    private func lost() {
      current = nil
      task = nil
      resumeWaiting(with: nil)
    }

    private func resumeWaiting(with client: ReformClient?) {
      let waiters = waiting
      waiting = []
      for waiter in waiters { waiter.resume(returning: client) }
    }
  }
}
