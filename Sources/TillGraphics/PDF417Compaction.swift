/// PDF417 high-level encoding: printable ASCII (and tab, CR, LF) in text compaction, two
/// characters a codeword, through its four submodes; any other run of bytes in byte
/// compaction (six bytes in five codewords). A symbol starts in text compaction, alpha submode.
enum PDF417Compaction {
    enum Submode: Int { case alpha, lower, mixed, punct }

    static let textLatch = 900, byteLatch = 901, byteLatchSix = 924

    /// The value of `byte` in each submode that has it.
    static func values(_ byte: UInt8) -> [Submode: Int] {
        var out: [Submode: Int] = [:]
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): out[.alpha] = Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): out[.lower] = Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): out[.mixed] = Int(byte - UInt8(ascii: "0"))
        case 0x20: out[.alpha] = 26; out[.lower] = 26; out[.mixed] = 26
        default: break
        }
        if let m = mixed.firstIndex(of: byte) { out[.mixed] = m + 10 }
        if let p = punct.firstIndex(of: byte) { out[.punct] = p }
        return out
    }

    /// Mixed submode values 10…24 (0…9 are the digits).
    static let mixed: [UInt8] = Array("&\r\t,:#-.$/+%*=^".utf8)
    /// Punctuation submode values 0…28.
    static let punct: [UInt8] = Array(";<>@[\\]_`~!\r\t,:\n-.$/\"|*()?{}'".utf8)

    static func isText(_ b: UInt8) -> Bool { !values(b).isEmpty }

    static func compact(_ data: [UInt8]) -> [Int] {
        var out: [Int] = []
        var i = 0
        var inText = true
        while i < data.count {
            var j = i
            while j < data.count && isText(data[j]) { j += 1 }
            // A short text run between bytes is cheaper left in byte compaction.
            if j > i && (j - i >= 5 || (i == 0 && inText) || j == data.count) {
                if !inText { out.append(textLatch); inText = true }
                out += text(Array(data[i..<j]))
                i = j
                continue
            }
            var k = max(j, i + 1)
            while k < data.count {
                var t = k
                while t < data.count && isText(data[t]) { t += 1 }
                if t - k >= 5 || (t == data.count && t > k) { break }
                k = max(t, k + 1)
            }
            out += bytes(Array(data[i..<k]))
            inText = false
            i = k
        }
        return out
    }

    /// Text compaction from alpha submode: latches where a character's submode changes,
    /// a one-character shift for lone punctuation.
    static func text(_ run: [UInt8]) -> [Int] {
        var values: [Int] = []
        var mode = Submode.alpha
        for (n, b) in run.enumerated() {
            let v = self.values(b)
            if let here = v[mode] { values.append(here); continue }
            let next = n + 1 < run.count ? self.values(run[n + 1]) : [:]
            if let p = v[.punct], mode != .punct, next[mode] != nil || n + 1 == run.count {
                values += [29, p]  // punctuation shift: this character only
                continue
            }
            if mode == .lower, let a = v[.alpha], next[.lower] != nil {
                values += [27, a]  // alpha shift from lower
                continue
            }
            let target: Submode = v[.alpha] != nil ? .alpha : v[.lower] != nil ? .lower : v[.mixed] != nil ? .mixed : .punct
            values += latch(from: mode, to: target)
            mode = target
            values.append(v[target] ?? 0)
        }
        if values.count % 2 == 1 { values.append(29) }
        return stride(from: 0, to: values.count, by: 2).map { values[$0] * 30 + values[$0 + 1] }
    }

    static func latch(from: Submode, to: Submode) -> [Int] {
        switch (from, to) {
        case (.alpha, .lower), (.mixed, .lower): return [27]
        case (.alpha, .mixed), (.lower, .mixed): return [28]
        case (.mixed, .alpha): return [28]
        case (.lower, .alpha): return [28, 28]
        case (.mixed, .punct): return [25]
        case (.alpha, .punct), (.lower, .punct): return [28, 25]
        case (.punct, .alpha): return [29]
        case (.punct, .lower): return [29, 27]
        case (.punct, .mixed): return [29, 28]
        default: return []
        }
    }

    /// Byte compaction: 924 when the run is a multiple of six bytes, else 901 (the last
    /// bytes one codeword each).
    static func bytes(_ run: [UInt8]) -> [Int] {
        var out = [run.count % 6 == 0 ? byteLatchSix : byteLatch]
        var i = 0
        while i + 6 <= run.count {
            var v: UInt64 = 0
            for b in run[i..<(i + 6)] { v = v << 8 | UInt64(b) }
            var group = [Int](repeating: 0, count: 5)
            for k in stride(from: 4, through: 0, by: -1) { group[k] = Int(v % 900); v /= 900 }
            out += group
            i += 6
        }
        out += run[i...].map(Int.init)
        return out
    }
}
