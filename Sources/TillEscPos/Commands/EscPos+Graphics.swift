/// Raster and NV graphics commands. GS v 0 is the widely supported raster command; GS ( L /
/// GS 8 L are the newer graphics functions (the latter for payloads over 65535 bytes); NV
/// functions keep a logo in the printer's flash to print by a two-character key.
extension EscPos {
    /// GS v 0 m xL xH yL yH d…: raster bit image, `bytesPerRow` × `rows`, normal density.
    public static func rasterImage(bytesPerRow: Int, rows: Int, data: ArraySlice<UInt8>) -> [UInt8] {
        precondition(data.count == bytesPerRow * rows, "raster data does not match its size")
        return EscPosOpcodes.raster(0x30, 0) + le16(bytesPerRow) + le16(rows) + data
    }

    /// GS ( L / GS 8 L with m = 48: picks the 2-byte length form when it fits.
    static func graphics(_ body: [UInt8]) -> [UInt8] {
        if body.count <= 0xFFFF { return EscPosOpcodes.extended(0x4C) + le16(body.count) + body }
        return EscPosOpcodes.extendedLong(0x4C) + le32(body.count) + body
    }

    /// Function 112: store raster graphics (monochrome, scale 1×1, colour 1) in the print buffer.
    public static func graphicsStore(widthDots: Int, rows: Int, data: [UInt8]) -> [UInt8] {
        graphics([0x30, 112, 48, 1, 1, 49] + le16(widthDots) + le16(rows) + data)
    }

    /// Function 50: print the buffered graphics.
    public static let graphicsPrint: [UInt8] = graphics([0x30, 50])

    /// Function 67: define NV graphics (raster, one colour) under key `kc1 kc2`.
    public static func nvDefine(key: (UInt8, UInt8), widthDots: Int, rows: Int, data: [UInt8]) -> [UInt8] {
        graphics([0x30, 67, 48, key.0, key.1, 1] + le16(widthDots) + le16(rows) + [49] + data)
    }

    /// Function 69: print NV graphics `key` at scale x × y (1 or 2).
    public static func nvPrint(key: (UInt8, UInt8), scaleX: UInt8 = 1, scaleY: UInt8 = 1) -> [UInt8] {
        graphics([0x30, 69, key.0, key.1, scaleX, scaleY])
    }

    /// Function 66: delete the NV graphics stored under `key`.
    public static func nvDelete(key: (UInt8, UInt8)) -> [UInt8] { graphics([0x30, 66, key.0, key.1]) }

    /// Function 65: delete all NV graphics ("CLR").
    public static let nvDeleteAll: [UInt8] = graphics([0x30, 65, 0x43, 0x4C, 0x52])
}
