import GRPCCore
import GRPCNIOTransportHTTP2
import ReformWire

/// A connection to a Reform coordinator, with typed calls to every service it serves.
///
/// A client lives for the duration of a closure, as a `GRPCClient` does inside
/// `withGRPCClient`: ``connect(to:token:tls:insecure:_:)`` opens it, hands it to the closure, and shuts it
/// down gracefully when the closure returns or throws.
///
/// ```swift
/// let status = try await ReformClient.connect(to: "127.0.0.1:7420", token: token) { client in
///   try await client.health.check()
/// }
/// ```
///
/// Every call throws only ``ReformError``: a gRPC status, or `UNAVAILABLE` when the
/// coordinator cannot be reached. Calls fail fast when it cannot: they do not wait for it to
/// come up.
///
/// ## Topics
/// - ``connect(to:token:tls:insecure:_:)``, ``parseAddress(_:)``, ``Address``: opening a client.
/// - ``call(_:_:timeout:metadata:)``, ``stream(_:_:timeout:metadata:onItem:)``: any method of
///   the schema, by its generated ``WireMethod``.
/// - ``health``, ``diagnostics``, ``admin``: typed conveniences per service.
public struct ReformClient: Sendable {
  private let grpc: GRPCClient<HTTP2ClientTransport.Posix>
  private let token: String?

  private init(grpc: GRPCClient<HTTP2ClientTransport.Posix>, token: String?) {
    self.grpc = grpc
    self.token = token
  }

  /// Reads an address written as `host:port` or `unix:/path/to.sock`.
  ///
  /// - Throws: ``ReformError`` with code ``ReformError/Code-swift.struct/invalidArgument``
  ///   saying what is wrong with the text.
  public static func parseAddress(_ address: String) throws(ReformError) -> Address {
    try Address.parse(address)
  }

  /// Connects to a coordinator, runs `body` with the client, then shuts the client down.
  ///
  /// The connection is HTTP/2, over TLS when `tls` is given and plaintext otherwise. Plaintext
  /// goes only to a Unix socket or to a host whose every address is loopback (127.0.0.0/8,
  /// ::1), decided from the resolved addresses rather than the name, unless `insecure` says
  /// otherwise: the bearer token never crosses a network in the clear by accident. The
  /// connection is made lazily by the first call and re-made when it drops.
  ///
  /// - Parameters:
  ///   - address: `host:port` (an IPv4 address, a DNS name, or `[ipv6]:port`) or `unix:PATH`.
  ///   - token: The bearer token every call carries as `authorization: Bearer TOKEN`; `nil`
  ///     for none.
  ///   - tls: How to speak TLS to the coordinator (``ClientTLS``); `nil` for plaintext.
  ///   - insecure: Allow plaintext to an address that is not loopback (the `--insecure` of
  ///     `reformctl` and `reformd worker`). Without it such a call is refused before any
  ///     connection is attempted.
  ///   - body: The work to do with the client. The client must not be used after it returns.
  /// - Returns: What `body` returns.
  /// - Throws: ``ReformError`` when the address is bad, plaintext is refused (code
  ///   `invalidArgument`, saying why) or the client cannot run; otherwise
  ///   whatever `body` throws, unchanged.
  public static func connect<Result: Sendable>(
    to address: String,
    token: String? = nil,
    tls: ClientTLS? = nil,
    insecure: Bool = false,
    _ body: @Sendable (ReformClient) async throws -> Result
  ) async throws -> Result {
    let parsed = try parseAddress(address)
    let transport: HTTP2ClientTransport.Posix
    do {
      if let tls = try tls?.validated() {
        transport = try HTTP2ClientTransport.Posix(target: parsed.resolvableTarget, transportSecurity: tls.transportSecurity)
      } else {
        transport = try HTTP2ClientTransport.Posix(target: try parsed.plaintextTarget(insecure: insecure), transportSecurity: .plaintext)
      }
    } catch let error as ReformError {
      throw error
    } catch {
      throw ReformError(error)
    }

    // The body's own errors pass through untouched; only the client's are mapped. The box
    // tells them apart once both have left the task group.
    do {
      return try await withThrowingDiscardingTaskGroup { group in
        let grpc = GRPCClient(transport: transport)
        group.addTask {
          do {
            try await grpc.runConnections()
          } catch let error as RuntimeError where error.code == .clientIsStopped {
            // A body that returns before the client got going (one that makes no call) shuts
            // the client down first: nothing went wrong. `withGRPCClient` would throw here.
          }
        }
        defer { grpc.beginGracefulShutdown() }
        do {
          return try await body(ReformClient(grpc: grpc, token: token))
        } catch {
          throw CallerError(error: error)
        }
      }
    } catch let error as CallerError {
      throw error.error
    } catch {
      throw ReformError(error)
    }
  }

  /// Makes a unary call of any method of the schema.
  ///
  /// ```swift
  /// let reply = try await client.call(DiagnosticsService.Echo.self, .init(text: "hi"))
  /// ```
  ///
  /// - Parameters:
  ///   - method: The generated method, e.g. `AdminService.ListWorkers.self`.
  ///   - request: The request message.
  ///   - timeout: How long the call may take before it fails with `DEADLINE_EXCEEDED`; the
  ///     deadline travels to the server and on to the worker. `nil` for no deadline.
  ///   - metadata: Extra request metadata, as `(key, value)` pairs.
  /// - Returns: The response message.
  /// - Throws: ``ReformError``; `INVALID_ARGUMENT` without a call when `method` streams.
  public func call<M: WireMethod>(
    _ method: M.Type,
    _ request: M.Input,
    timeout: Duration? = nil,
    metadata: [(String, String)] = []
  ) async throws(ReformError) -> M.Output {
    guard !M.info.clientStreaming, !M.info.serverStreaming else {
      throw ReformError(
        code: .invalidArgument,
        message: "\(M.info.path) streams; call it with stream(_:_:onItem:)"
      )
    }
    do {
      return try await grpc.unary(
        request: ClientRequest(message: request, metadata: requestMetadata(metadata)),
        descriptor: M.descriptor,
        serializer: M.serializer,
        deserializer: M.deserializer,
        options: callOptions(timeout: timeout)
      ) { response in
        try response.message
      }
    } catch {
      throw ReformError(error)
    }
  }

  /// Makes a server-streaming call of any method of the schema, handing each item to
  /// `onItem` as it arrives; returns when the server ends the stream with OK.
  ///
  /// - Parameters:
  ///   - method: The generated method, e.g. `HealthService.Watch.self`.
  ///   - request: The request message.
  ///   - timeout: How long the whole stream may take; `nil` for no deadline.
  ///   - metadata: Extra request metadata, as `(key, value)` pairs.
  ///   - onItem: Called once per item, in order. When it throws, the call is cancelled and
  ///     `stream` throws: the same error if it is a ``ReformError``, otherwise a `CANCELLED`
  ///     ``ReformError`` whose ``ReformError/cause`` is the handler's error.
  /// - Throws: ``ReformError``; `INVALID_ARGUMENT` without a call when `method` is not
  ///   server-streaming.
  public func stream<M: WireMethod>(
    _ method: M.Type,
    _ request: M.Input,
    timeout: Duration? = nil,
    metadata: [(String, String)] = [],
    onItem: @Sendable (M.Output) async throws -> Void
  ) async throws(ReformError) {
    guard !M.info.clientStreaming, M.info.serverStreaming else {
      throw ReformError(
        code: .invalidArgument,
        message: "\(M.info.path) is not server-streaming; call it with call(_:_:)"
      )
    }
    let request = ClientRequest(message: request, metadata: requestMetadata(metadata))
    let options = callOptions(timeout: timeout)
    do {
      // gRPC keeps the response handler for the call's duration only, so the caller's
      // closure needs no escaping.
      try await withoutActuallyEscaping(onItem) { onItem in
        try await grpc.serverStreaming(
          request: request,
          descriptor: M.descriptor,
          serializer: M.serializer,
          deserializer: M.deserializer,
          options: options
        ) { response in
          for try await item in response.messages {
            do {
              try await onItem(item)
            } catch {
              throw CallerError(error: error)
            }
          }
        }
      }
    } catch let error as CallerError {
      if let error = error.error as? ReformError { throw error }
      throw ReformError(
        code: .cancelled,
        message: "the stream was stopped by its item handler: \(error.error)",
        cause: error.error
      )
    } catch {
      throw ReformError(error)
    }
  }

  /// The request metadata of a call: the bearer token, then the caller's pairs.
  private func requestMetadata(_ extra: [(String, String)]) -> Metadata {
    var metadata = Metadata()
    if let token {
      metadata.addString("Bearer \(token)", forKey: "authorization")
    }
    for (key, value) in extra {
      metadata.addString(value, forKey: key)
    }
    return metadata
  }

  private func callOptions(timeout: Duration?) -> CallOptions {
    var options = CallOptions.defaults
    options.timeout = timeout
    // Fail at once with UNAVAILABLE when the coordinator cannot be reached, rather than
    // waiting out the deadline: an operator or a caller's retry logic decides what next.
    options.waitForReady = false
    return options
  }
}

/// An error thrown by the caller's code inside the client's machinery, carried out unchanged.
private struct CallerError: Error {
  var error: any Error
}
