/// Netpbm images (PBM P1/P4, PGM P2/P5): the plain formats `pngtopnm`, GIMP and ImageMagick
/// write, so a shop can supply a logo without PNG.
public enum PNM {
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        case notNetpbm
        case unsupported(String)
        case truncated
        case badHeader(String)

        public var description: String {
            switch self {
            case .notNetpbm: return "not a PBM/PGM image (expected P1, P2, P4 or P5 at the start)"
            case .unsupported(let magic): return "Netpbm \(magic) is not supported: convert it to PGM (P5) or PBM (P4)"
            case .truncated: return "the image data ends before the size in its header says"
            case .badHeader(let why): return "bad PBM/PGM header: \(why)"
            }
        }
    }

    /// Decodes PBM or PGM to grayscale (PBM: black 0, white 255; PGM scaled to 0…255).
    public static func decode(_ data: [UInt8]) throws -> GrayImage {
        guard data.count >= 2, data[0] == 0x50 else { throw Error.notNetpbm }
        let kind = data[1]
        var reader = HeaderReader(data: data, position: 2)
        switch kind {
        case 0x31, 0x34: // P1, P4
            let w = try reader.number("width"), h = try reader.number("height")
            return kind == 0x34 ? try rawBitmap(data, reader.bodyStart(), w, h) : try plainBitmap(&reader, w, h)
        case 0x32, 0x35: // P2, P5
            let w = try reader.number("width"), h = try reader.number("height"), maxval = try reader.number("maxval")
            guard maxval > 0, maxval < 65536 else { throw Error.badHeader("maxval \(maxval) outside 1…65535") }
            return kind == 0x35 ? try rawGray(data, reader.bodyStart(), w, h, maxval) : try plainGray(&reader, w, h, maxval)
        case 0x33, 0x36:
            throw Error.unsupported("P\(kind - 0x30) (PPM colour)")
        default:
            throw Error.notNetpbm
        }
    }

    private static func rawBitmap(_ d: [UInt8], _ start: Int, _ w: Int, _ h: Int) throws -> GrayImage {
        let rowBytes = (w + 7) / 8
        guard d.count >= start + rowBytes * h else { throw Error.truncated }
        var px = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            for x in 0..<w where d[start + y * rowBytes + x / 8] & (0x80 >> UInt8(x % 8)) != 0 { px[y * w + x] = 0 }
        }
        return GrayImage(width: w, height: h, pixels: px)
    }

    private static func plainBitmap(_ r: inout HeaderReader, _ w: Int, _ h: Int) throws -> GrayImage {
        var px = [UInt8](repeating: 255, count: w * h)
        for i in 0..<(w * h) {
            // P1 digits need no separators: "0110" is four pixels.
            guard let bit = r.nextBitDigit() else { throw Error.truncated }
            if bit == 1 { px[i] = 0 }
        }
        return GrayImage(width: w, height: h, pixels: px)
    }

    private static func rawGray(_ d: [UInt8], _ start: Int, _ w: Int, _ h: Int, _ maxval: Int) throws -> GrayImage {
        let bytesPerSample = maxval > 255 ? 2 : 1
        guard d.count >= start + w * h * bytesPerSample else { throw Error.truncated }
        var px = [UInt8](repeating: 0, count: w * h)
        for i in 0..<(w * h) {
            let v = bytesPerSample == 2 ? Int(d[start + 2 * i]) << 8 | Int(d[start + 2 * i + 1]) : Int(d[start + i])
            px[i] = UInt8(min(255, v * 255 / maxval))
        }
        return GrayImage(width: w, height: h, pixels: px)
    }

    private static func plainGray(_ r: inout HeaderReader, _ w: Int, _ h: Int, _ maxval: Int) throws -> GrayImage {
        var px = [UInt8](repeating: 0, count: w * h)
        for i in 0..<(w * h) {
            guard let v = try? r.number("sample") else { throw Error.truncated }
            px[i] = UInt8(min(255, v * 255 / maxval))
        }
        return GrayImage(width: w, height: h, pixels: px)
    }

    /// Reads whitespace-separated decimal numbers, skipping `#` comments, as the Netpbm header
    /// (and the plain formats' bodies) are written.
    struct HeaderReader {
        let data: [UInt8]
        var position: Int

        mutating func skipSpaceAndComments() {
            while position < data.count {
                let c = data[position]
                if c == 0x23 { // '#': comment to end of line
                    while position < data.count && data[position] != 0x0A { position += 1 }
                } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C {
                    position += 1
                } else {
                    return
                }
            }
        }

        mutating func number(_ what: String) throws -> Int {
            skipSpaceAndComments()
            var value = 0, digits = 0
            while position < data.count, (0x30...0x39).contains(data[position]) {
                value = value * 10 + Int(data[position] - 0x30)
                guard value < 1 << 24 else { throw PNM.Error.badHeader("\(what) too large") }
                position += 1
                digits += 1
            }
            guard digits > 0 else { throw PNM.Error.badHeader("\(what) missing") }
            return value
        }

        mutating func nextBitDigit() -> Int? {
            skipSpaceAndComments()
            guard position < data.count, data[position] == 0x30 || data[position] == 0x31 else { return nil }
            defer { position += 1 }
            return Int(data[position] - 0x30)
        }

        /// The raster starts after exactly one whitespace byte following the last header number.
        func bodyStart() -> Int { position + 1 }
    }
}
