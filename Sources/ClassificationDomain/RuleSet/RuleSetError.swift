import ReformKit

/// Why a rule set was refused (always ``DomainErrorKind/invalidArgument`` for a set that does
/// not read or does not hold together): the path of the field at fault in the JSON
/// (`rules[3].parameters.minHundredths`; `json` when the text is not JSON at all) and what to
/// change, e.g. "12000 is above the scale's maximum 10000".
public typealias RuleSetError = RuleError<RuleSet>
