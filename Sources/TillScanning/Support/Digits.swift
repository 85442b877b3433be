/// Small helpers for the all-digit codes barcodes carry. Bytes and characters are ASCII here:
/// every symbology this module reads (EAN/UPC, ITF, Code 39, GS1) encodes ASCII only.
extension String {
    var isAllASCIIDigits: Bool { !isEmpty && utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    var digitValues: [Int] { utf8.map { Int($0) - 48 } }
}

extension Array where Element == UInt8 {
    /// "5D 43 31 30 31" — what the technician compares with the scanner manual.
    public var hexDump: String {
        map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + hex : hex
        }.joined(separator: " ")
    }
}

/// Text for display: control characters (GS, CR, LF…) shown as <GS>, <CR>, <0x07>.
public func visible(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x1D: out += "<GS>"
        case 0x0D: out += "<CR>"
        case 0x0A: out += "<LF>"
        case 0x09: out += "<TAB>"
        case 0x04: out += "<EOT>"
        case 0..<0x20, 0x7F: out += "<0x" + String(scalar.value, radix: 16, uppercase: true) + ">"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
