import TillEscPos

/// What the model can do, from its profile (UnifiedPOS Cap… properties); never from status.
public struct PrinterCapabilities: Hashable, Sendable {
    public var model: String
    public var columns: Int
    public var dots: Int
    public var cutter: [String]
    public var drawerPins: [Int]
    public var realTimeStatus: Bool
    public var automaticStatusBack: Bool
    public var nativeQR: Bool
    public var nativeBarcodes: [String]
    public var nvGraphics: Bool
    public var multibyte: [String]

    public init(_ p: PrinterProfile) {
        model = "\(p.displayName) (\(p.id))"
        columns = p.fontA.columns
        dots = p.media.dots
        cutter = p.cutter.kinds.map(\.rawValue)
        drawerPins = p.drawer.pins
        realTimeStatus = p.status.dleEot
        automaticStatusBack = p.status.gsA
        nativeQR = p.qr.native
        nativeBarcodes = p.barcodes.native
        nvGraphics = p.nvGraphics.supported
        multibyte = p.multibyte.map(\.encoding)
    }

    /// One line per capability, for `till printer status`.
    public var lines: [String] {
        func yes(_ b: Bool) -> String { b ? "yes" : "no" }
        return [
            "model:          \(model)",
            "paper:          \(dots) dots, \(columns) columns (font A)",
            "cutter:         \(cutter.isEmpty ? "none (tear bar)" : cutter.joined(separator: ", "))",
            "drawer pins:    \(drawerPins.isEmpty ? "none" : drawerPins.map(String.init).joined(separator: ", "))",
            "status:         DLE EOT \(yes(realTimeStatus)), ASB (GS a) \(yes(automaticStatusBack))",
            "QR (native):    \(yes(nativeQR))",
            "barcodes:       \(nativeBarcodes.isEmpty ? "raster only" : nativeBarcodes.joined(separator: ", "))",
            "NV graphics:    \(yes(nvGraphics))",
            "double-byte:    \(multibyte.isEmpty ? "none" : multibyte.joined(separator: ", "))",
        ]
    }
}
