/// A USB keyboard-wedge scanner read directly from its input device, grabbed so that scans do
/// not also reach the console or whatever else reads the keyboard.
public final class EvdevScanner {
    public let device: EvdevDevice
    public private(set) var decoder: WedgeDecoder

    public init(path: String, layout: KeyboardLayout, grab: Bool = true) throws(DeviceError) {
        device = try EvdevDevice(path: path)
        decoder = WedgeDecoder(layout: layout)
        if grab {
            do { try device.grab() } catch { device.close(); throw error }
        }
    }

    /// The next scan (text typed up to Enter), or nil if none completed within `timeoutMs`.
    public func nextScan(timeoutMs: Int) throws(DeviceError) -> RawScan? {
        let deadline = monotonicNanoseconds() + UInt64(max(0, timeoutMs)) * 1_000_000
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            let now = monotonicNanoseconds()
            guard now < deadline else { return nil }
            let events = try device.readEvents(timeoutMs: max(1, Int((deadline - now) / 1_000_000)))
            for (i, event) in events.enumerated() {
                if let scan = decoder.feed(event) {
                    // Events after the Enter in the same read belong to the next scan.
                    for rest in events[(i + 1)...] {
                        if let next = decoder.feed(rest) { queued.append(next) }
                    }
                    return scan
                }
            }
        }
    }

    /// Scans completed by events read together with an earlier scan's Enter.
    private var queued: [RawScan] = []

    /// Releases the grab and closes the device.
    public func close() { device.close() }
}
