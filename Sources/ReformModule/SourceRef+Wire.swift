import ReformKit
import ReformWire

extension ReformKit.SourceRef {
  /// The reference on the wire. Each module reads one back in its own limits and words.
  public var wire: ReformWire.SourceRef {
    ReformWire.SourceRef(document: document, article: article, issued: issued?.wire, note: note)
  }
}
