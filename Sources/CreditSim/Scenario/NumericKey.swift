/// A numeric scenario key: where the JSON Schema and the format reference describe it, what error
/// messages call it, the values it may take and its default.
///
/// The decoder reads numeric keys only through these declarations (see `ScenarioKeys`), and
/// `ScenarioKeyTests` checks `docs/scenario.schema.json` and `docs/scenario-format.md` against them.
struct NumericKey<Value: Comparable & Sendable & LosslessStringConvertible>: ScenarioKey {
    /// The definition under `$defs` in `docs/scenario.schema.json` that has the key as a property.
    ///
    /// For example `rule`.
    let definition: String
    /// The heading of the section of `docs/scenario-format.md` whose table has the key's row.
    ///
    /// For example `scheme.rulebooks[].rules[]`.
    let section: String
    /// The key as a scenario writes it.
    let name: String
    /// What error messages call the value.
    ///
    /// For example `detection probability`, as in "detection probability 1.4 is outside [0, 1]".
    let label: String
    /// The values the key may take.
    let range: ClosedRange<Value>
    /// The value an absent key takes: `nil` when the key is required or has no default.
    let defaultValue: Value?
    /// Whether `range` bounds the values of a mapping at the key (as for `multipliers`) rather than
    /// the key's own value.
    var boundsEntries = false

    /// The default of a key declared with one.
    ///
    /// - Precondition: `defaultValue` is not `nil`.
    var declaredDefault: Value {
        guard let defaultValue else { preconditionFailure("\(self) is declared without a default") }
        return defaultValue
    }

    var description: String { "\(definition).\(name)" }
}

/// A declared numeric key of any value type, so that keys of every type fit in one list.
protocol ScenarioKey: Sendable, CustomStringConvertible {
    associatedtype Value: Comparable & Sendable & LosslessStringConvertible

    var definition: String { get }
    var section: String { get }
    var name: String { get }
    var label: String { get }
    var range: ClosedRange<Value> { get }
    var defaultValue: Value? { get }
    var boundsEntries: Bool { get }
}
