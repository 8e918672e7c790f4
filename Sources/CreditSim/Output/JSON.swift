public import Foundation

/// A value that could not be written as JSON.
public struct EncodingFailure: Error, Equatable, CustomStringConvertible {
    /// The type of the value.
    public let type: String
    public let reason: String
    public var description: String { "cannot write \(type) as JSON: \(reason)" }
}

/// JSON exactly as CreditSim writes it: sorted keys, pretty-printed, snake_case keys, ending
/// with a newline; non-finite numbers as the strings "nan", "inf" and "-inf".
/// - Throws: `EncodingFailure` when the value's own encoding fails.
public func encodeJSON<T: Encodable>(_ value: T) throws(EncodingFailure) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    } catch {
        throw EncodingFailure(type: String(describing: T.self), reason: "\(error)")
    }
}
