/// The random number generator behind every stream of a run, chosen by name in a scenario.
///
/// `philox2x64-10` (the default) is counter-based: the stream of each resident and behaviour
/// is addressed directly, so results do not depend on block size or thread count and common
/// random numbers hold per resident. Any GSL generator (`mt19937`, `taus2`, `ranlxd2`, …) can
/// be named instead; it is then re-seeded per resident stream from a 64-bit hash, which is
/// slower (seeding costs microseconds) and, for generators with 32-bit seeds, lets distinct
/// streams coincide once runs reach tens of thousands of residents.
public struct GeneratorKind: Hashable, Sendable, CustomStringConvertible, Encodable {
    /// The generator's GSL name.
    public let name: String

    /// The default generator.
    public static let philox = GeneratorKind(name: PhiloxGenerator.name)

    /// Looks a generator up by its GSL name.
    /// - Throws: `GeneratorKind.Unknown` when neither GSL nor CreditSim has it.
    public init(named name: String) throws(Unknown) {
        guard Self.available.contains(name) else { throw Unknown(name: name) }
        self.name = name
    }

    private init(name: String) { self.name = name }

    public var description: String { name }

    /// Encodes as the generator's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// Every generator name a scenario may use.
    public static let available: [String] = {
        [PhiloxGenerator.name] + GSL.generatorTypes.map(\.name)
    }()

    /// The GSL type record for this generator.
    var gslType: OpaquePointer {
        if name == PhiloxGenerator.name { return PhiloxGenerator.type.pointer }
        guard let type = GSL.generatorTypes.first(where: { $0.name == name }) else {
            preconditionFailure("generator \(name) was validated at init")
        }
        return type.type
    }

    /// A generator name that neither GSL nor CreditSim knows.
    public struct Unknown: Error, Equatable {
        public let name: String
    }
}
