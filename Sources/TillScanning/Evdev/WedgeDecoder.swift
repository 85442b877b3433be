/// Turns a keyboard wedge's key events back into the scanned text, one scan per Enter.
/// Tracks Shift, AltGr and Ctrl (Ctrl+] is how wedges type GS, the GS1 separator, in the US
/// layout) and CapsLock. Key timestamps come from the kernel, so the gaps are the scanner's own.
public struct WedgeDecoder: Sendable {
    public static let enter: UInt16 = 28, keypadEnter: UInt16 = 96
    static let leftShift: UInt16 = 42, rightShift: UInt16 = 54, leftCtrl: UInt16 = 29, rightCtrl: UInt16 = 97
    static let rightAlt: UInt16 = 100, capsLock: UInt16 = 58, closeBracket: UInt16 = 27

    public let layout: KeyboardLayout
    private var shiftDown = Set<UInt16>()
    private var ctrlDown = Set<UInt16>()
    private var altGrDown = false
    private var capsLock = false
    private var text = ""
    private var pressTimes: [UInt64] = []
    /// Key codes pressed that the layout has no character for (shown by `till scanner test`).
    public private(set) var unmappedKeys: [UInt16] = []

    public init(layout: KeyboardLayout) { self.layout = layout }

    /// Feeds one event; returns a scan when it was the Enter that ends one.
    public mutating func feed(_ event: InputEvent) -> RawScan? {
        guard event.type == InputEvent.typeKey else { return nil }
        let code = event.code, pressed = event.value != 0
        switch code {
        case Self.leftShift, Self.rightShift:
            if pressed { shiftDown.insert(code) } else { shiftDown.remove(code) }
            return nil
        case Self.leftCtrl, Self.rightCtrl:
            if pressed { ctrlDown.insert(code) } else { ctrlDown.remove(code) }
            return nil
        case Self.rightAlt:
            altGrDown = pressed
            return nil
        default:
            break
        }
        guard pressed else { return nil }
        pressTimes.append(event.nanoseconds)
        if code == Self.capsLock {
            capsLock.toggle()
            return nil
        }
        if code == Self.enter || code == Self.keypadEnter {
            defer { text = ""; pressTimes = [] }
            let gaps = zip(pressTimes.dropFirst(), pressTimes).map { Double($0 &- $1) / 1_000_000 }
            return RawScan(bytes: Array(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }),
                           completedAt: event.nanoseconds, keyGapsMs: gaps)
        }
        if !ctrlDown.isEmpty {
            if code == Self.closeBracket, layout.name == "us" { text.append("\u{1D}") }
            return nil
        }
        guard var c = layout.character(code: code, shift: !shiftDown.isEmpty, altGr: altGrDown) else {
            unmappedKeys.append(code)
            return nil
        }
        if capsLock, c.isLetter { c = shiftDown.isEmpty ? Character(c.uppercased()) : Character(c.lowercased()) }
        text.append(c)
        return nil
    }
}
