/// A fixed-size buffer of trivial values owned by one worker: the engine's only unsafe memory.
///
/// Reads and writes go straight to memory, with no exclusivity, uniqueness or bounds checks —
/// those checks cost the inner loop more than half of its time. Build with
/// `CREDITSIM_CHECKS=1 swift test` (or `-Xswiftc -DCREDITSIM_CHECKS`) to check every index; CI runs
/// the tests that way once.
/// The owner calls `deallocate()` exactly once, in its `deinit`.
struct ScratchBuffer<Element: BitwiseCopyable> {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        base = .allocate(capacity: Swift.max(1, count))
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    init(_ values: [Element]) {
        base = .allocate(capacity: Swift.max(1, values.count))
        _ = UnsafeMutableBufferPointer(start: base, count: values.count).initialize(from: values)
        count = values.count
    }

    subscript(i: Int) -> Element {
        @inline(__always) get {
            #if CREDITSIM_CHECKS
                precondition(i >= 0 && i < count, "scratch index \(i) outside 0..<\(count)")
            #endif
            return base[i]
        }
        @inline(__always) nonmutating set {
            #if CREDITSIM_CHECKS
                precondition(i >= 0 && i < count, "scratch index \(i) outside 0..<\(count)")
            #endif
            base[i] = newValue
        }
    }

    /// Sets every element to `value`.
    func fill(_ value: Element) { base.update(repeating: value, count: count) }

    /// The contents as an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func deallocate() { base.deallocate() }
}
