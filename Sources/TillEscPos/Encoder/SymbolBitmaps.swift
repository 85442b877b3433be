import TillGraphics

/// QR codes and 1D barcodes drawn as bitmaps, for printers without the native command.
public enum SymbolBitmaps {
    /// A QR symbol at `moduleDots` per module with the 4-module quiet zone the standard requires.
    public static func qr(_ code: QRCode, moduleDots: Int) -> Bitmap {
        let quiet = 4
        let side = (code.size + 2 * quiet) * moduleDots
        var bitmap = Bitmap(width: side, height: side)
        for y in 0..<code.size {
            for x in 0..<code.size where code[x, y] {
                let px = (x + quiet) * moduleDots, py = (y + quiet) * moduleDots
                for dy in 0..<moduleDots { for dx in 0..<moduleDots { bitmap[px + dx, py + dy] = true } }
            }
        }
        return bitmap
    }

    /// A 1D symbol with a 10-module quiet zone each side.
    public static func barcode(_ symbol: Barcode1D, moduleDots: Int, height: Int) -> Bitmap {
        let quiet = 10
        let width = (symbol.modules.count + 2 * quiet) * moduleDots
        var row = Bitmap(width: width, height: 1)
        for (i, bar) in symbol.modules.enumerated() where bar {
            for dx in 0..<moduleDots { row[(i + quiet) * moduleDots + dx, 0] = true }
        }
        return Bitmap(width: width, height: height, bits: Array([[UInt8]](repeating: row.bits, count: height).joined()))
    }
}
