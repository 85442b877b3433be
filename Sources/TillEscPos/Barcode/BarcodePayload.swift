import TillCore
import TillGraphics

/// Why a barcode cannot print as asked: each names the rule the data broke.
public enum BarcodeDataError: Error, Equatable, CustomStringConvertible {
    case invalidData(Symbology, String)
    case tooWide(Symbology, modules: Int, dots: Int)

    public var description: String {
        switch self {
        case .invalidData(let s, let why): return "\(s.rawValue) barcode: \(why)"
        case .tooWide(let s, let modules, let dots):
            return "\(s.rawValue) barcode of \(modules) modules does not fit \(dots) dots: shorten the data or use a QR code"
        }
    }
}

/// Validated GS k function B data for one symbol plus its width in modules, to pick the module
/// width that fits the paper.
public struct BarcodePayload: Equatable, Sendable {
    public let symbology: Symbology
    public let m: UInt8
    public let data: [UInt8]
    /// Symbol width in modules, quiet zones excluded.
    public let modules: Int

    public init(_ symbology: Symbology, _ text: String) throws {
        self.symbology = symbology
        let bytes = Array(text.utf8)
        func fail(_ why: String) -> BarcodeDataError { .invalidData(symbology, why) }
        let allDigits = !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        switch symbology {
        case .ean13, .ean8, .upcA:
            let (short, full, modules): (Int, Int, Int) =
                symbology == .ean13 ? (12, 13, 95) : symbology == .ean8 ? (7, 8, 67) : (11, 12, 95)
            guard allDigits, bytes.count == short || bytes.count == full else {
                throw fail("needs \(short) digits (or \(full) with the check digit), got \"\(text)\"")
            }
            if bytes.count == full {
                let expected = UInt8(GTIN.checkDigit(forBody: bytes.dropLast().map { Int($0 - 0x30) }))
                guard bytes.last! - 0x30 == expected else { throw fail("check digit should be \(expected) in \"\(text)\"") }
            }
            data = bytes
            self.modules = modules
        case .code39:
            let allowed = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -.$/+%".utf8)
            guard !bytes.isEmpty, bytes.allSatisfy(allowed.contains) else {
                throw fail("allows only 0-9, A-Z, space and - . $ / + %, got \"\(text)\"")
            }
            data = bytes
            // Start/stop added by the printer; ~16 modules a character at a 3:1 ratio.
            self.modules = (bytes.count + 2) * 16
        case .itf:
            guard allDigits, bytes.count % 2 == 0 else { throw fail("needs an even number of digits, got \"\(text)\"") }
            data = bytes
            self.modules = bytes.count / 2 * 18 + 9
        case .code128:
            guard let plan = Code128Sets.plan(bytes) else { throw fail("carries ASCII only, got \"\(text)\"") }
            data = Code128Sets.escPosData(plan)
            self.modules = plan.modules
        default:
            let printable = Symbology.printedOnSlips.map(\.displayName).joined(separator: ", ")
            throw fail("is not printed on slips: use one of \(printable)")
        }
        guard data.count <= 255 else { throw fail("longer than the 255 bytes GS k carries") }
        guard let selector = EscPos.barcodeSelector(symbology.rawValue) else { throw fail("has no GS k selector") }
        m = selector
    }

}
