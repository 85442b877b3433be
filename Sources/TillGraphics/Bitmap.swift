/// A 1-bit image, row-major, 8 pixels per byte with the leftmost pixel in the high bit: the
/// layout ESC/POS raster commands (GS v 0) use, so a bitmap can be sent as it is.
public struct Bitmap: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// `rowBytes * height` bytes; bit set = black dot.
    public var bits: [UInt8]

    public var rowBytes: Int { (width + 7) / 8 }

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        self.bits = [UInt8](repeating: 0, count: ((width + 7) / 8) * height)
    }

    public init(width: Int, height: Int, bits: [UInt8]) {
        precondition(bits.count == ((width + 7) / 8) * height, "bitmap data does not match its size")
        self.width = width
        self.height = height
        self.bits = bits
    }

    public subscript(x: Int, y: Int) -> Bool {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return false }
            return bits[y * rowBytes + x / 8] & (0x80 >> UInt8(x % 8)) != 0
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let mask: UInt8 = 0x80 >> UInt8(x % 8)
            if newValue { bits[y * rowBytes + x / 8] |= mask } else { bits[y * rowBytes + x / 8] &= ~mask }
        }
    }
}

extension Bitmap {
    /// Columns x…x+width-1 as a bitmap of their own (columns past the edge are blank).
    public func crop(x: Int, width: Int) -> Bitmap {
        var out = Bitmap(width: max(0, width), height: height)
        for y in 0..<height { for dx in 0..<max(0, width) where self[x + dx, y] { out[dx, y] = true } }
        return out
    }
}
