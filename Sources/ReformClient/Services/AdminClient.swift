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
    let (workers, page) = try await client.everyPage(
      AdminService.ListWorkers.self, items: \.workers, page: \.page, timeout: timeout
    ) { AdminListWorkersRequest(page: PageRequest(pageToken: $0), module: module) }
    return AdminListWorkersResponse(workers: workers, page: page)
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
    let (jobs, page) = try await client.everyPage(
      AdminService.ListJobs.self, items: \.jobs, page: \.page, timeout: timeout
    ) { AdminListJobsRequest(page: PageRequest(pageToken: $0), module: module) }
    return AdminListJobsResponse(jobs: jobs, page: page)
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
}

extension ReformClient {
  /// The coordinator's operator service.
  public var admin: AdminClient { AdminClient(client: self) }
}
