import ArgumentParser
import Foundation
import ReformWire

/// `reformd schema`: the services and methods this build serves, as the schema declares them.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List every service and method of the schema, with its streaming shape and whether a call is safe to repeat."
  )

  func run() {
    var methods = 0
    for service in WireCatalogue.services {
      print(service.name)
      for method in service.methods {
        methods += 1
        let shape = switch (method.clientStreaming, method.serverStreaming) {
        case (false, false): "unary"
        case (false, true): "server-streaming"
        case (true, false): "client-streaming"
        case (true, true): "bidirectional"
        }
        let name = method.descriptor.method.padding(toLength: 24, withPad: " ", startingAt: 0)
        let shapeColumn = shape.padding(toLength: 17, withPad: " ", startingAt: 0)
        let safety = (method.isSafeToRepeat ? "safe to repeat" : "runs at most once").padding(toLength: 18, withPad: " ", startingAt: 0)
        print("  \(name) \(shapeColumn) \(safety) \(method.inputType) → \(method.outputType)")
      }
    }
    print("\(WireCatalogue.services.count) services, \(methods) methods, \(WireCatalogue.messageTypes.count) message types")
  }
}
