import GRPCCore
import ReformClient
import ReformWire
import Testing

/// Every failure becomes one `ReformError` whose code a caller can switch on.
@Suite struct ReformErrorTests {
  @Test func rpcErrorKeepsCodeAndMessage() {
    let error = ReformError(RPCError(code: .notFound, message: "no worker w-9"))
    #expect(error.code == .notFound)
    #expect(error.message == "no worker w-9")
    #expect(error.cause is RPCError)
    #expect(error.description == "NOT_FOUND: no worker w-9")
  }

  @Test func transportFailureIsUnavailable() {
    let error = ReformError(RuntimeError(code: .transportError, message: "connection reset"))
    #expect(error.code == .unavailable)
  }

  @Test func cancellationIsCancelled() {
    #expect(ReformError(CancellationError()).code == .cancelled)
  }

  @Test func wireErrorTakesTheCodeItConvertsTo() {
    let error = ReformError(WireError(.undecodable, in: "reform.v1.Empty"))
    #expect(error.code == .invalidArgument)
  }

  @Test func codesMirrorGRPCByNumberAndName() {
    let pairs: [(ReformError.Code, RPCError.Code, String)] = [
      (.cancelled, .cancelled, "CANCELLED"), (.unknown, .unknown, "UNKNOWN"),
      (.invalidArgument, .invalidArgument, "INVALID_ARGUMENT"), (.deadlineExceeded, .deadlineExceeded, "DEADLINE_EXCEEDED"),
      (.notFound, .notFound, "NOT_FOUND"), (.alreadyExists, .alreadyExists, "ALREADY_EXISTS"),
      (.permissionDenied, .permissionDenied, "PERMISSION_DENIED"), (.resourceExhausted, .resourceExhausted, "RESOURCE_EXHAUSTED"),
      (.failedPrecondition, .failedPrecondition, "FAILED_PRECONDITION"), (.aborted, .aborted, "ABORTED"),
      (.outOfRange, .outOfRange, "OUT_OF_RANGE"), (.unimplemented, .unimplemented, "UNIMPLEMENTED"),
      (.internalError, .internalError, "INTERNAL"), (.unavailable, .unavailable, "UNAVAILABLE"),
      (.dataLoss, .dataLoss, "DATA_LOSS"), (.unauthenticated, .unauthenticated, "UNAUTHENTICATED"),
    ]
    for (code, grpc, name) in pairs {
      #expect(code.rawValue == grpc.rawValue)
      #expect(ReformError.Code(grpc) == code)
      #expect(RPCError.Code(code) == grpc)
      #expect(ReformError.Code(rawValue: code.rawValue) == code)
      #expect(code.description == name)
    }
    #expect(ReformError.Code(rawValue: 0) == nil)
  }

  @Test func thrownInAHandlerItBecomesTheStatus() {
    let rpc = RPCError(ReformError(code: .failedPrecondition, message: "secret document"))
    #expect(rpc.code == .failedPrecondition)
    #expect(rpc.message == "secret document")
  }
}
