import TillCore
/// One-dimensional barcode symbologies ESC/POS printers print natively (GS k).

public enum BarcodeError: Error, Equatable, CustomStringConvertible {
    case empty(Symbology)
    case wrongLength(Symbology, got: Int, allowed: [Int])
    case invalidCharacter(Symbology, byte: UInt8, position: Int)
    case checkDigitMismatch(Symbology, given: Int, expected: Int)
    case oddDigitCount(got: Int)
    case code128MissingCodeSet
    case code128BadEscape(position: Int)
    /// A symbology only scanners meet (2D, DataBar, add-ons): no 1D drawing for it here.
    case notDrawn(Symbology)

    public var description: String {
        switch self {
        case let .empty(s):
            return "\(s.displayName) data is empty: give at least one character."
        case let .wrongLength(s, got, allowed):
            return "\(s.displayName) needs \(allowed.map(String.init).joined(separator: " or ")) digits, got \(got)."
        case let .invalidCharacter(s, byte, position):
            let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : String(format0x: byte)
            return "\(s.displayName) cannot encode \(shown) at position \(position + 1): "
                + (s == .code39 || s == .code93 ? "allowed are 0-9, A-Z, space and - . $ / + %."
                    : s == .code128 ? "not in the selected code set."
                    : s == .codabar ? "allowed are 0-9 and - $ : / . +, between start and stop characters A-D."
                    : s == .upcE ? "digits only, the number system 0 or 1." : "digits only.")
        case let .checkDigitMismatch(s, given, expected):
            return "\(s.displayName) check digit is \(given) but the data gives \(expected): check the number, or leave the check digit off to have it computed."
        case let .oddDigitCount(got):
            return "ITF encodes digits in pairs: \(got) digits given; add a leading 0."
        case .code128MissingCodeSet:
            return "ESC/POS Code 128 data must start with {A, {B or {C to select the code set."
        case let .code128BadEscape(position):
            return "Code 128 data has '{' at position \(position + 1) not followed by A, B, C, S, 1, 2, 3, 4 or '{'."
        case let .notDrawn(s):
            return "\(s.displayName) is read from scanners but not drawn as a 1D symbol: print it as UPC-A, EAN-13, EAN-8, UPC-E, Code 39, Code 93, Codabar, ITF or Code 128."
        }
    }
}

extension String {
    init(format0x byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "0x" + (hex.count < 2 ? "0" + hex : hex)
    }
}

/// A 1D symbol as modules (narrowest bar/space units), true = bar. No quiet zone included:
/// renderers add at least 10 modules of space each side.
public struct Barcode1D: Sendable, Hashable {
    public let symbology: Symbology
    public let modules: [Bool]
    /// The human-readable interpretation (HRI) text, check digit included where the symbology has one.
    public let text: String

    public init(symbology: Symbology, modules: [Bool], text: String) {
        self.symbology = symbology
        self.modules = modules
        self.text = text
    }

    /// Encodes data in the form ESC/POS GS k takes it: digits for the EAN/UPC family (check
    /// digit optional: computed when absent, verified when present), Code 39 characters (a
    /// surrounding '*' pair is optional), ITF digit pairs, and Code 128 data starting with a
    /// code-set escape ({A, {B, {C; in set C each byte is a value 0–99, as Epson specifies).
    /// Use `Code128.escPosData(optimising:)` to turn plain text into that form.
    public static func encode(_ symbology: Symbology, data: [UInt8]) throws -> Barcode1D {
        switch symbology {
        case .ean13: return try EANUPC.ean13(data)
        case .upcA: return try EANUPC.upcA(data)
        case .ean8: return try EANUPC.ean8(data)
        case .code39: return try Code39.encode(data)
        case .itf: return try ITF.encode(data)
        case .code128: return try Code128.encode(escPosData: data)
        case .upcE: return try UPCE.encode(data)
        case .codabar: return try Codabar.encode(data)
        case .code93: return try Code93.encode(data)
        case .eanAddOn, .gs1_128, .itf14, .gs1DataBar, .dataMatrix, .gs1DataMatrix, .qr, .gs1QR, .other:
            throw BarcodeError.notDrawn(symbology)
        }
    }

    /// Appends a run of `count` modules of one colour.
    static func append(_ modules: inout [Bool], widths: [Int], startWithBar: Bool = true) {
        var bar = startWithBar
        for w in widths {
            modules.append(contentsOf: repeatElement(bar, count: w))
            bar.toggle()
        }
    }
}
