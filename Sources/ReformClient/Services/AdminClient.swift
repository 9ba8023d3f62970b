import ReformWire

/// The coordinator's operator service (`reform.v1.Admin`), reached as ``ReformClient/admin``:
/// workers, jobs in flight and per-module status.
///
/// The list calls follow every page and return all items at once: an operator's lists are
/// short, and a partial list would mislead.
public struct AdminClient: Sendable {
  /// The client the calls go through.
  public let client: ReformClient

  /// Admin calls through `client`.
  public init(client: ReformClient) {
    self.client = client
  }

  /// The attached and draining workers, ordered by module, then id.
  ///
  /// - Parameters:
  ///   - module: Only this module's workers; `""` for all.
  ///   - timeout: The deadline of each page's call; `nil` for none.
  /// - Returns: Every worker, with the last page's paging fields.
  public func listWorkers(module: String = "", timeout: Duration? = nil) async throws(ReformError) -> AdminListWorkersResponse {
    var request = AdminListWorkersRequest(module: module)
    var all = AdminListWorkersResponse()
    try await forEachPage { token throws(ReformError) in
      request.page = PageRequest(pageToken: token)
      let page = try await client.call(AdminService.ListWorkers.self, request, timeout: timeout)
      all.workers += page.workers
      all.page = page.page
      return page.page
    }
    return all
  }

  /// Stops sending jobs to a worker; it finishes those it has and stays attached.
  ///
  /// - Parameters:
  ///   - id: The worker's id, as ``listWorkers(module:)`` shows it.
  ///   - reason: Why, for the logs and the worker.
  ///   - timeout: The call's deadline; `nil` for none.
  /// - Returns: The worker as it is now.
  /// - Throws: ``ReformError``; `NOT_FOUND` for an unknown worker.
  public func drainWorker(id: String, reason: String = "", timeout: Duration? = nil) async throws(ReformError) -> AdminWorkerInfo {
    try await client.call(
      AdminService.DrainWorker.self, AdminDrainWorkerRequest(workerId: id, reason: reason), timeout: timeout)
  }

  /// Sends jobs to a drained worker again.
  ///
  /// - Parameters:
  ///   - id: The worker's id.
  ///   - timeout: The call's deadline; `nil` for none.
  /// - Returns: The worker as it is now.
  /// - Throws: ``ReformError``; `NOT_FOUND` for an unknown worker.
  public func resumeWorker(id: String, timeout: Duration? = nil) async throws(ReformError) -> AdminWorkerInfo {
    try await client.call(AdminService.ResumeWorker.self, AdminResumeWorkerRequest(workerId: id), timeout: timeout)
  }

  /// The jobs in flight, oldest first.
  ///
  /// - Parameters:
  ///   - module: Only this module's jobs; `""` for all.
  ///   - timeout: The deadline of each page's call; `nil` for none.
  /// - Returns: Every job, with the last page's paging fields.
  public func listJobs(module: String = "", timeout: Duration? = nil) async throws(ReformError) -> AdminListJobsResponse {
    var request = AdminListJobsRequest(module: module)
    var all = AdminListJobsResponse()
    try await forEachPage { token throws(ReformError) in
      request.page = PageRequest(pageToken: token)
      let page = try await client.call(AdminService.ListJobs.self, request, timeout: timeout)
      all.jobs += page.jobs
      all.page = page.page
      return page.page
    }
    return all
  }

  /// Per-module workers, queue, throughput, latency and errors over the coordinator's default
  /// window, and the coordinator's own figures.
  ///
  /// - Parameters:
  ///   - module: Only this module; `""` for all.
  ///   - timeout: The call's deadline; `nil` for none.
  public func status(module: String = "", timeout: Duration? = nil) async throws(ReformError) -> AdminStatusResponse {
    try await client.call(AdminService.Status.self, AdminStatusRequest(module: module), timeout: timeout)
  }

  /// Runs `fetch` with each page token, starting from none, until a page says it is the last.
  private func forEachPage(
    _ fetch: (String) async throws(ReformError) -> PageResponse?
  ) async throws(ReformError) {
    var token = ""
    var seen: Set<String> = []
    repeat {
      let page = try await fetch(token)
      token = page?.nextPageToken ?? ""
      // A server that hands back a token twice would otherwise keep us here for ever.
    } while !token.isEmpty && seen.insert(token).inserted
  }
}

extension ReformClient {
  /// The coordinator's operator service.
  public var admin: AdminClient { AdminClient(client: self) }
}
