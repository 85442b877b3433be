import CZlib

/// PNG encoding (1-bit and 8-bit grey) and decoding (grey, grey+alpha, RGB, RGBA, palette at
/// any legal bit depth; non-interlaced). zlib comes from the system library.
public enum PNG {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    // MARK: encoding

    /// A 1-bit greyscale PNG of `bitmap` (set bit = black dot, shown black).
    public static func encode(_ bitmap: Bitmap) -> [UInt8] {
        // PNG 1-bit grey has 0 = black, the opposite of Bitmap; the padding bits at the end of
        // each row are cleared after inverting (they are ignored by readers anyway).
        let rowBytes = bitmap.rowBytes
        var raw = [UInt8]()
        raw.reserveCapacity((rowBytes + 1) * bitmap.height)
        let pad = bitmap.width % 8 == 0 ? 0xFF : UInt8(truncatingIfNeeded: 0xFF << (8 - bitmap.width % 8))
        for y in 0..<bitmap.height {
            raw.append(0)  // filter: none
            for i in 0..<rowBytes {
                var b = ~bitmap.bits[y * rowBytes + i]
                if i == rowBytes - 1 { b &= pad }
                raw.append(b)
            }
        }
        return assemble(width: bitmap.width, height: bitmap.height, bitDepth: 1, colorType: 0, raw: raw)
    }

    /// An 8-bit greyscale PNG (0 = black, 255 = white), `pixels` row-major, width × height.
    public static func encodeGray(width: Int, height: Int, pixels: [UInt8]) -> [UInt8] {
        precondition(pixels.count == width * height, "grey pixels do not match the size")
        var raw = [UInt8]()
        raw.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            raw.append(0)
            raw.append(contentsOf: pixels[(y * width)..<((y + 1) * width)])
        }
        return assemble(width: width, height: height, bitDepth: 8, colorType: 0, raw: raw)
    }

    static func assemble(width: Int, height: Int, bitDepth: UInt8, colorType: UInt8, raw: [UInt8]) -> [UInt8] {
        var out = signature
        var ihdr = [UInt8]()
        ihdr += be32(UInt32(width))
        ihdr += be32(UInt32(height))
        ihdr += [bitDepth, colorType, 0, 0, 0]
        appendChunk(&out, "IHDR", ihdr)
        appendChunk(&out, "IDAT", deflate(raw))
        appendChunk(&out, "IEND", [])
        return out
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    static func appendChunk(_ out: inout [UInt8], _ type: String, _ data: [UInt8]) {
        out += be32(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        out += typeBytes
        out += data
        out += be32(crc(typeBytes + data))
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buf in
            UInt32(crc32(0, buf.baseAddress, uInt(buf.count)))
        }
    }

    static func deflate(_ raw: [UInt8]) -> [UInt8] {
        var destLen = compressBound(uLong(raw.count))
        var dest = [UInt8](repeating: 0, count: Int(destLen))
        let status = raw.withUnsafeBufferPointer { src in
            compress2(&dest, &destLen, src.baseAddress, uLong(src.count), 6)
        }
        // compress2 fails only when out of memory or with a too-small buffer; compressBound
        // guarantees the size, so a failure here is a programming error.
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        return Array(dest.prefix(Int(destLen)))
    }
}
