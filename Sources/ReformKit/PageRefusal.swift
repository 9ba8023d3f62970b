/// A list request's paging refused: a negative `page_size`, or a `page_token` that this list
/// did not give (another list's, an altered one). Thrown by ``PageCursor``; the module layer
/// answers it `INVALID_ARGUMENT` naming the field, as any other ``DomainFailure``.
public struct PageRefusal: DomainFailure, Hashable {
  public var kind: DomainErrorKind { .invalidArgument }
  /// `page.pageToken` or `page.pageSize` (under the request's paging field).
  public var field: String
  public var message: String

  public init(field: String, message: String) {
    self.field = field
    self.message = message
  }
}
