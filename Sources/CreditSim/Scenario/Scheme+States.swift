/// The states a resident is in at the end of a day, as result files name them.
extension Scheme {
    /// The state of a resident who has left the scheme (after the grades in every table).
    public static let optedOut = "opted_out"

    /// The end-of-day states: the grades, highest first, then `optedOut`.
    public var states: [String] { grades.map(\.id) + [Scheme.optedOut] }

    /// A state as readers see it: a grade's id, or "opted out".
    public static func displayName(ofState state: String) -> String {
        state == optedOut ? "opted out" : state
    }
}
