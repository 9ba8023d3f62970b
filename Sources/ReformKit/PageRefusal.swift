/// A list request's paging refused (always ``DomainErrorKind/invalidArgument``): a negative
/// `page_size`, or a `page_token` that this list did not give (another list's, an altered one),
/// on `page.pageToken` or `page.pageSize` under the request's paging field. Thrown by
/// ``PageCursor``; the module layer answers it `INVALID_ARGUMENT` naming the field, as any other
/// ``DomainFailure``.
public typealias PageRefusal = RuleError<PageCursor>
