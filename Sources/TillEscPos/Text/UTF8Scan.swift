/// Walks valid UTF-8 (a Swift string's own storage) scalar by scalar without String index
/// validation: the encoder's hot loop reads each character once or twice per line.
struct UTF8Scan {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
    }

    var atEnd: Bool { position >= end }

    /// The next scalar value and advances; callers check `atEnd` first.
    @inline(__always)
    mutating func next() -> UInt32 {
        let b0 = UInt32(bytes[position])
        if b0 < 0x80 { position += 1; return b0 }
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F)
            position += 2
            return v
        }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F)
            position += 3
            return v
        }
        let v = (b0 & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
            | UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F)
        position += 4
        return v
    }
}

extension String {
    /// Runs `body` on the string's UTF-8 bytes without copying when the storage is native.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var copy = self
        return try copy.withUTF8(body)
    }
}
