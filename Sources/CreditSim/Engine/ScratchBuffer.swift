/// A fixed-size buffer of trivial values owned by one worker: the engine's only unsafe memory.
///
/// Reads and writes go straight to memory, with no exclusivity, uniqueness or bounds checks —
/// those checks cost the inner loop more than half of its time. Build with
/// `CREDITSIM_CHECKS=1 swift test` (or `-Xswiftc -DCREDITSIM_CHECKS`) to check every index; CI runs
/// the tests that way once. The buffer is non-copyable and frees its memory when it goes away.
/// (Written by hand: `Array` would bring the checks back, and no package offers a fixed, unchecked
/// buffer of this kind.)
struct ScratchBuffer<Element: BitwiseCopyable>: ~Copyable {
    private let base: UnsafeMutablePointer<Element>
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

    /// A buffer of `count` elements whose first `min(count, other.count)` are copied from `other`
    /// and the rest set to `fill`.
    init(growing other: borrowing ScratchBuffer<Element>, to count: Int, fill: Element) {
        self.init(repeating: fill, count: count)
        base.update(from: other.base, count: Swift.min(count, other.count))
    }

    deinit { base.deallocate() }

    @inline(__always)
    private func check(_ i: Int) {
        #if CREDITSIM_CHECKS
            precondition(i >= 0 && i < count, "scratch index \(i) outside 0..<\(count)")
        #endif
    }

    subscript(i: Int) -> Element {
        @inline(__always) get {
            check(i)
            return base[i]
        }
        @inline(__always) nonmutating set {
            check(i)
            base[i] = newValue
        }
    }

    /// The address of element `i`, for values updated in place (index-checked like the subscript).
    @inline(__always)
    func pointer(at i: Int) -> UnsafeMutablePointer<Element> {
        check(i)
        return base + i
    }

    /// Sets every element to `value`.
    func fill(_ value: Element) { base.update(repeating: value, count: count) }

    /// Adds `other` element by element (the buffers have the same size).
    func add(_ other: borrowing ScratchBuffer<Element>) where Element: FixedWidthInteger {
        precondition(other.count == count, "adding buffers of different sizes")
        for i in 0..<count { base[i] &+= other.base[i] }
    }

    /// The contents as an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
