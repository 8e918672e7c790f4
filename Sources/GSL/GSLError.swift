/// A failure reported by the GNU Scientific Library, as a typed Swift error.
public struct GSLError: Error, Equatable, CustomStringConvertible {
    /// GSL's status code (`GSL_EDOM`, `GSL_EINVAL`, …).
    public let code: Int32
    /// The wrapped GSL function that failed.
    public let function: String

    public var description: String {
        let reason = GSL.reason(code)
        return "GSL error \(code) in \(function): \(reason)"
    }
}
