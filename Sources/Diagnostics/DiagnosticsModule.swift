import Foundation
import GRPCCore
import ReformModule
import ReformWire

/// The `diagnostics` module: what operators use to test the path end to end — echo, sleep,
/// fail with a chosen status, stream N items — and durable tallies that show whether a call
/// ran once, twice or not at all.
public struct DiagnosticsModule: WorkerModule {
  public let name = "diagnostics"
  private let tallies: any TallyStoring

  /// - Parameter dataDirectory: where the module keeps its tallies (`DATA/diagnostics`).
  public init(dataDirectory: String) throws {
    tallies = try TallyStore(directory: dataDirectory + "/tallies")
  }

  public func register(into methods: inout ModuleMethods) {
    let tallies = self.tallies
    methods.unary(DiagnosticsService.Echo.self) { request, context in
      DiagnosticsEchoResponse(
        payload: request.payload, text: request.text, worker: Self.describe(context.worker), caller: context.caller,
        attempt: context.attempt, handledAt: .now, traceParent: context.traceParent?.description ?? "")
    }
    methods.unary(DiagnosticsService.Sleep.self) { request, context in
      try DiagnosticsLimits.check(request)
      let started = ContinuousClock.now
      do {
        try await Task.sleep(for: .milliseconds(request.durationMs))
      } catch {
        // The cancellation reached the worker: leave a durable trace of it when asked to.
        if !request.cancelTallyKey.isEmpty { _ = try? tallies.increment(request.cancelTallyKey) }
        throw error
      }
      let slept = ContinuousClock.now - started
      return DiagnosticsSleepResponse(
        sleptMs: slept.components.seconds * 1000 + slept.components.attoseconds / 1_000_000_000_000_000,
        worker: Self.describe(context.worker))
    }
    methods.unary(DiagnosticsService.Fail.self) { request, _ in
      try DiagnosticsLimits.check(request)
      let code = RPCError.Code(Status.Code(rawValue: Int(request.code))!)!
      throw RPCError(code: code, message: request.message.isEmpty ? "failed as asked" : request.message)
    }
    methods.serverStreaming(DiagnosticsService.StreamItems.self) { request, context, writer in
      try DiagnosticsLimits.check(request)
      let payload = [UInt8](repeating: 0x2a, count: Int(request.payloadBytes))
      for index in 0..<request.itemCount {
        if request.failAfter > 0, index == request.failAfter {
          let code = RPCError.Code(Status.Code(rawValue: Int(request.failCode))!)!
          throw RPCError(code: code, message: "failed after \(index) items, as asked")
        }
        if request.intervalMs > 0, index > 0 { try await Task.sleep(for: .milliseconds(request.intervalMs)) }
        try await writer.write(DiagnosticsStreamItem(index: index, payload: payload, worker: Self.describe(context.worker), sentAt: .now))
      }
    }
    methods.unary(DiagnosticsService.Tally.self) { request, context in
      try DiagnosticsLimits.check(request)
      context.audit.record(target: "tally \(request.key)")
      let value: Int64
      do {
        value = try tallies.increment(request.key)
      } catch {
        throw RPCError(code: .internalError, message: "\(error)")
      }
      if request.holdMs > 0 { try await Task.sleep(for: .milliseconds(request.holdMs)) }
      return DiagnosticsTally(key: request.key, value: value, worker: Self.describe(context.worker))
    }
    methods.unary(DiagnosticsService.GetTally.self) { request, context in
      try DiagnosticsLimits.checkKey(request.key)
      return DiagnosticsTally(key: request.key, value: tallies.value(request.key), worker: Self.describe(context.worker))
    }
  }

  static func describe(_ worker: WorkerIdentity) -> DiagnosticsWorker {
    DiagnosticsWorker(workerId: worker.id, pid: worker.pid, host: worker.host, module: worker.module, version: worker.version)
  }
}
