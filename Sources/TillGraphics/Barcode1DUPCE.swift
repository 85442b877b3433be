import TillCore
/// UPC-E: the zero-suppressed six-digit UPC, as GS k takes it: 6 digits (number system 0),
/// 7 (number system 0 or 1, then 6), or 8 (with the check digit, verified). The check digit
/// is the one of the UPC-A number the six digits stand for; it is encoded only through the
/// L/G parity of the six digits.
enum UPCE {
    /// For number system 0, by check digit: which of the six digits use the G (even) set.
    static let parity: [String] = [
        "GGGLLL", "GGLGLL", "GGLLGL", "GGLLLG", "GLGGLL",
        "GLLGGL", "GLLLGG", "GLGLGL", "GLGLLG", "GLLGLG",
    ]

    static func encode(_ data: [UInt8]) throws -> Barcode1D {
        guard !data.isEmpty else { throw BarcodeError.empty(.upcE) }
        guard [6, 7, 8].contains(data.count) else { throw BarcodeError.wrongLength(.upcE, got: data.count, allowed: [6, 7, 8]) }
        var digits: [Int] = []
        for (i, b) in data.enumerated() {
            guard b >= 0x30, b <= 0x39 else { throw BarcodeError.invalidCharacter(.upcE, byte: b, position: i) }
            digits.append(Int(b - 0x30))
        }
        if digits.count == 6 { digits.insert(0, at: 0) }
        let system = digits[0]
        guard system <= 1 else { throw BarcodeError.invalidCharacter(.upcE, byte: data[0], position: 0) }
        let six = Array(digits[1...6])
        let check = GTIN.checkDigit(forBody: upcA(system: system, six))
        if digits.count == 8, digits[7] != check {
            throw BarcodeError.checkDigitMismatch(.upcE, given: digits[7], expected: check)
        }
        var pattern = Array(parity[check])
        if system == 1 { pattern = pattern.map { $0 == "G" ? "L" : "G" } }
        var m = EANUPC.startEnd
        for (i, d) in six.enumerated() { m += pattern[i] == "L" ? EANUPC.lCode(d) : EANUPC.gCode(d) }
        m += [false, true, false, true, false, true]
        return Barcode1D(symbology: .upcE, modules: m, text: ([system] + six + [check]).map(String.init).joined())
    }

    /// The eleven UPC-A digits (without check) that six UPC-E digits stand for.
    static func upcA(system: Int, _ d: [Int]) -> [Int] {
        switch d[5] {
        case 0, 1, 2: return [system, d[0], d[1], d[5], 0, 0, 0, 0, d[2], d[3], d[4]]
        case 3: return [system, d[0], d[1], d[2], 0, 0, 0, 0, 0, d[3], d[4]]
        case 4: return [system, d[0], d[1], d[2], d[3], 0, 0, 0, 0, 0, d[4]]
        default: return [system, d[0], d[1], d[2], d[3], d[4], 0, 0, 0, 0, d[5]]
        }
    }
}
