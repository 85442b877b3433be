/// Barcode commands: GS h / GS w / GS H for the look, GS k function B (m 65…73, length byte)
/// for the symbol.
extension EscPos {
    /// GS h n: bar height in dots.
    public static func barcodeHeight(_ dots: UInt8) -> [UInt8] { EscPosOpcodes.barcodeHeight(max(1, dots)) }

    /// GS w n: module (narrow bar) width in dots, 2…6 on most models.
    public static func barcodeModuleWidth(_ dots: UInt8) -> [UInt8] { EscPosOpcodes.barcodeModuleWidth(dots) }

    public enum HRIPosition: UInt8, Sendable { case none = 0, above = 1, below = 2, both = 3 }

    /// GS H n: where the human-readable digits print.
    public static func barcodeHRI(_ position: HRIPosition) -> [UInt8] { EscPosOpcodes.hriPosition(position.rawValue) }

    /// GS k m n d1…dn (function B). `m` per symbology; data already validated and, for Code 128,
    /// already carrying its code-set prefixes.
    public static func barcode(m: UInt8, data: [UInt8]) -> [UInt8] {
        precondition(data.count <= 255, "GS k function B carries at most 255 data bytes")
        return EscPosOpcodes.barcode(m, UInt8(data.count)) + data
    }

    /// GS k `m` values for function B.
    public static func barcodeSelector(_ symbology: String) -> UInt8? {
        switch symbology {
        case "upcA": return 65
        case "upcE": return 66
        case "ean13": return 67
        case "ean8": return 68
        case "code39": return 69
        case "itf": return 70
        case "codabar": return 71
        case "code93": return 72
        case "code128": return 73
        default: return nil
        }
    }
}
