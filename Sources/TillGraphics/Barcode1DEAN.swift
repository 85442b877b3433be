import TillCore
/// EAN-13, EAN-8 and UPC-A: seven-module digits in L, G and R sets with guard bars.
enum EANUPC {
    /// L-set (odd parity) patterns; R = complement of L, G = R reversed.
    static let lPatterns: [[Bool]] = [
        "0001101", "0011001", "0010011", "0111101", "0100011",
        "0110001", "0101111", "0111011", "0110111", "0001011",
    ].map { $0.map { $0 == "1" } }

    /// Which of the six left digits of EAN-13 use the G set, selected by the first digit
    /// (which is encoded only through this choice).
    static let parity: [String] = [
        "LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
        "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL",
    ]

    static func lCode(_ d: Int) -> [Bool] { lPatterns[d] }
    static func rCode(_ d: Int) -> [Bool] { lPatterns[d].map { !$0 } }
    static func gCode(_ d: Int) -> [Bool] { rCode(d).reversed() }


    /// Validates digits and length, returns all digits with the check digit.
    static func digits(_ data: [UInt8], _ s: Symbology, dataLength: Int) throws -> [Int] {
        guard !data.isEmpty else { throw BarcodeError.empty(s) }
        guard data.count == dataLength || data.count == dataLength + 1 else {
            throw BarcodeError.wrongLength(s, got: data.count, allowed: [dataLength, dataLength + 1])
        }
        var digits: [Int] = []
        for (i, b) in data.enumerated() {
            guard b >= 0x30, b <= 0x39 else { throw BarcodeError.invalidCharacter(s, byte: b, position: i) }
            digits.append(Int(b - 0x30))
        }
        let expected = GTIN.checkDigit(forBody: Array(digits.prefix(dataLength)))
        if digits.count == dataLength + 1 {
            guard digits[dataLength] == expected else {
                throw BarcodeError.checkDigitMismatch(s, given: digits[dataLength], expected: expected)
            }
        } else {
            digits.append(expected)
        }
        return digits
    }

    static let startEnd: [Bool] = [true, false, true]
    static let centre: [Bool] = [false, true, false, true, false]

    static func ean13(_ data: [UInt8]) throws -> Barcode1D {
        let d = try digits(data, .ean13, dataLength: 12)
        return Barcode1D(symbology: .ean13, modules: ean13Modules(d), text: d.map(String.init).joined())
    }

    static func ean13Modules(_ d: [Int]) -> [Bool] {
        var m = startEnd
        let par = Array(parity[d[0]])
        for i in 1...6 { m += par[i - 1] == "L" ? lCode(d[i]) : gCode(d[i]) }
        m += centre
        for i in 7...12 { m += rCode(d[i]) }
        m += startEnd
        return m
    }

    static func upcA(_ data: [UInt8]) throws -> Barcode1D {
        let d = try digits(data, .upcA, dataLength: 11)
        // UPC-A is EAN-13 with a leading 0 (all-L left half).
        return Barcode1D(symbology: .upcA, modules: ean13Modules([0] + d), text: d.map(String.init).joined())
    }

    static func ean8(_ data: [UInt8]) throws -> Barcode1D {
        let d = try digits(data, .ean8, dataLength: 7)
        var m = startEnd
        for i in 0..<4 { m += lCode(d[i]) }
        m += centre
        for i in 4..<8 { m += rCode(d[i]) }
        m += startEnd
        return Barcode1D(symbology: .ean8, modules: m, text: d.map(String.init).joined())
    }
}
