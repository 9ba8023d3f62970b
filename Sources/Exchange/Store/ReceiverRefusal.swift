import ExchangeDomain

/// A recall refused by one receiver's copy: the domain's refusal and whose copy it was.
struct ReceiverRefusal: Error {
  var organId: String
  var refusal: TransitionError
}
