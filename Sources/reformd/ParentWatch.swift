import Foundation
import ServiceLifecycle

/// Ends a child of `reformd up` when its parent is gone, even if the parent was killed and
/// could not stop it: no process is left behind.
enum ParentWatch {
  static func start(parent: Int32?, group: ServiceGroup) {
    guard let parent else { return }
    Task.detached {
      while getppid() == parent {
        try? await Task.sleep(for: .milliseconds(250))
      }
      await group.triggerGracefulShutdown()
    }
  }
}
