internal import GSL

/// What a random stream is for: with the seed and the resident, the address of every stream
/// (see "Randomness and reproducibility" in `docs/model.md`).
///
/// The numbers are part of the results: changing one changes every run's numbers.
enum StreamPurpose: Sendable, Equatable {
    /// Group and propensity of each resident.
    case population
    /// Consent and leaving draws.
    case enrolment
    /// Credit-repair draws of record-based measures.
    case repair
    /// The seed of a resident's first arrivals (one Philox word; SplitMix64 outputs from it).
    case firstArrivals
    /// The events of one behaviour: a 32-bit FNV-1a hash of its id with the top bit set, so the
    /// stream follows the behaviour, not its place in the catalogue.
    case behaviour(id: String)
    /// The points of an experimental design (resident number `UInt64.max`).
    case design
    /// Bootstrap resamples of sensitivity indices (resident number `UInt64.max`).
    case bootstrap

    /// The stream number within a resident's streams.
    var number: UInt32 {
        switch self {
        case .population: 0
        case .enrolment: 1
        case .repair: 2
        case .firstArrivals: 3
        case .behaviour(let id): Self.hash(id)
        case .design: 0x4445_5347  // "DESG"
        case .bootstrap: 0x424F_4F54  // "BOOT"
        }
    }

    /// Streams drawn outside any resident (designs, bootstraps) use this resident number.
    static let noResident = UInt64.max

    private static func hash(_ id: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in id.utf8 {
            hash ^= UInt32(byte)
            hash &*= 16_777_619
        }
        return hash | 0x8000_0000
    }
}

extension RandomStream {
    /// Points the stream at the draws of `resident` for `purpose`, from the first.
    @inline(__always)
    func select(resident: UInt64, _ purpose: StreamPurpose) {
        select(resident: resident, stream: purpose.number)
    }
}
