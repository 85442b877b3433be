import TillCore

/// Most slip blocks are one short line the printer can print itself: a name and an amount, a
/// caption. These write such a line straight to bytes, giving exactly the line SlipLayout would
/// (LayoutFastPathTests compares the two), without building intermediate strings. Anything
/// else (wrapping, control or combining characters, raster glyphs) returns false and takes the
/// general path.
extension Job {
    struct Widths {
        var full = 0
        /// Width without trailing spaces, and the UTF-8 offset where those spaces start.
        var trimmed = 0
        var trimmedEnd = 0
    }

    /// Display widths of the text, or nil when a character would need sanitising or cannot
    /// print natively.
    func nativeWidths(_ utf8: UnsafeBufferPointer<UInt8>) -> Widths? {
        var w = Widths()
        var scan = UTF8Scan(utf8)
        while !scan.atEnd {
            let v = scan.next()
            if v >= 0x20 && v < 0x7F {
                w.full += 1
            } else {
                if v < 0xA0 || (0x1100...0x11FF).contains(v) { return nil }
                let s = Unicode.Scalar(v)!
                let cols = DisplayWidth.of(s)
                // A two-byte multibyte code means `.multibyte` without the full routing.
                if !(cols == 2 && encoder.text.twoByteCode(v) != 0) {
                    if cols == 0 || encoder.text.routeNonASCII(s, width: cols) == .none { return nil }
                }
                w.full += cols
            }
            if v != 0x20 { w.trimmed = w.full; w.trimmedEnd = scan.position }
        }
        return w
    }

    func fastPair(_ left: String, _ right: String, _ slipStyle: SlipStyle) -> Bool {
        let columns = encoder.columns(slipStyle)
        let usable = slipStyle.doubleWidth ? max(1, columns / 2) : columns
        return left.withUTF8Bytes { l8 in
            right.withUTF8Bytes { r8 in
                guard let l = nativeWidths(l8), let r = nativeWidths(r8), r.trimmed == r.full,
                      l.full <= usable, l.trimmed + 1 + r.full <= usable else { return false }
                let style = encoder.textStyle(slipStyle)
                writer.justify(.left)
                writer.setStyle(style)
                writer.write(utf8: l8, from: 0, to: l.trimmedEnd, lookahead: r8)
                if r.full > 0 || style.invert || style.underline {
                    writer.spaces(usable - l.trimmed - r.full)
                    writer.write(utf8: r8, from: 0, to: r8.count, lookahead: nil)
                }
                writer.newline()
                return true
            }
        }
    }

    func fastText(_ text: String, _ slipStyle: SlipStyle) -> Bool {
        let columns = encoder.columns(slipStyle)
        let usable = slipStyle.doubleWidth ? max(1, columns / 2) : columns
        return text.withUTF8Bytes { t8 in
            guard let t = nativeWidths(t8), t.trimmed > 0, t.full <= usable else { return false }
            let style = encoder.textStyle(slipStyle)
            writer.justify(.left)
            writer.setStyle(style)
            let gap = usable - t.trimmed
            switch slipStyle.align {
            case .left: break
            case .center: writer.spaces(gap / 2)
            case .right: writer.spaces(gap)
            }
            writer.write(utf8: t8, from: 0, to: t.trimmedEnd, lookahead: nil)
            writer.newline()
            return true
        }
    }

    /// A rule of one printable ASCII character (not a space, which the general path trims
    /// away): the same bytes as `lines([String(repeating: c, count: columns)], .plain)`
    /// without building the string (LayoutFastPathTests compares the two).
    func fastRule(_ ch: String) -> Bool {
        guard ch.utf8.count == 1, let c = ch.utf8.first, c > 0x20, c < 0x7F else { return false }
        writer.justify(.left)
        writer.setStyle(encoder.textStyle(.plain))
        writer.writeRepeated(c, profile.fontA.columns)
        writer.newline()
        return true
    }
}
