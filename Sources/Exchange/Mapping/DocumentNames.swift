import ExchangeDomain
import ReformWire

/// The protocol's `reform.v1.ExchangeDocument` message; the domain has a type of the same name.
typealias WireDocument = ReformWire.ExchangeDocument

/// The domain's document (metadata and attachments, not yet admitted).
typealias DomainDocument = ExchangeDomain.ExchangeDocument
