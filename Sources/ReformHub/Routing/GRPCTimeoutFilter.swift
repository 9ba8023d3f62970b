import NIOCore
import NIOHTTP2

/// Drops every `grpc-timeout` value gRPC does not allow from a call's headers before
/// grpc-swift reads them.
///
/// grpc-swift 2.4.3 traps on a negative amount (`grpc-timeout: -1S` fails the precondition of
/// its `Timeout.init(amount:unit:)`), before any handler or interceptor of ours runs and
/// before the caller is authenticated: one header would take down the coordinator. So this
/// handler sits first on every HTTP/2 stream and keeps only values that ``GRPCTimeout/parse(_:)``
/// accepts; the call then runs as if the bad value had not been sent, which is what gRPC's
/// servers do with a timeout they cannot read. grpc-swift and the coordinator thus always
/// agree on the deadline: the first legal value, clamped by ``GRPCTimeout``.
final class GRPCTimeoutFilter: ChannelInboundHandler, Sendable {
  typealias InboundIn = HTTP2Frame.FramePayload
  typealias InboundOut = HTTP2Frame.FramePayload

  /// Puts a filter first on a newly accepted HTTP/2 stream (the server transport's
  /// `onAcceptHTTP2Stream`).
  @Sendable static func install(on stream: any Channel) -> EventLoopFuture<Void> {
    stream.pipeline.addHandler(GRPCTimeoutFilter(), position: .first)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard case .headers(var frame) = unwrapInboundIn(data) else {
      context.fireChannelRead(data)
      return
    }
    let values = frame.headers["grpc-timeout"]
    let legal = values.filter { GRPCTimeout.parse($0) != nil }
    guard legal.count != values.count else {
      context.fireChannelRead(data)
      return
    }
    frame.headers.remove(name: "grpc-timeout")
    for value in legal { frame.headers.add(name: "grpc-timeout", value: value) }
    context.fireChannelRead(wrapInboundOut(.headers(frame)))
  }
}
