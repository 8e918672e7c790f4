internal import CGSL

/// A failure reported by the GNU Scientific Library, as a typed Swift error.
public struct GSLError: Error, Equatable, CustomStringConvertible {
    /// GSL's status code (`GSL_EDOM`, `GSL_EINVAL`, …).
    public let code: Int32
    /// The wrapped GSL function that failed.
    public let function: String

    public var description: String {
        let reason = String(cString: gsl_strerror(code))
        return "GSL error \(code) in \(function): \(reason)"
    }
}

/// The one place that talks to GSL's global error state.
enum GSL {
    /// Switches GSL's aborting error handler off. Evaluated once (thread-safe lazy global),
    /// before the first generator, histogram or distribution is made.
    static let errorHandlerOff: Void = {
        _ = gsl_set_error_handler_off()
    }()

    /// The funnel every status-returning GSL call goes through.
    static func check(_ status: Int32, _ function: String) throws(GSLError) {
        if status != Int32(GSL_SUCCESS) { throw GSLError(code: status, function: function) }
    }
}
