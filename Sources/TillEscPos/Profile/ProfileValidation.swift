import TillCore

extension PrinterProfile {
    /// Everything wrong with the profile, each naming the field: empty when it is usable.
    /// Checks internal consistency and that every encoding name is one iconv can open.
    public func problems() -> [String] {
        var p: [String] = []
        if let set = commandSet, CommandSets.known[set] == nil {
            p.append("\(CommandSetError.unknown(set, known: CommandSets.ids))")
        }
        if schema != 1 { p.append("schema: \(schema) is not 1, the only version this build reads") }
        if id.isEmpty || id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) || id != id.lowercased() {
            p.append("id: \"\(id)\" must be lower-case letters, digits and '-'")
        }
        if name.isEmpty { p.append("name: empty") }
        if vendor.isEmpty { p.append("vendor: empty") }
        if source == nil { p.append("source: missing (\"verified\", \"database\" or \"assumed\": where the values come from)") }
        for u in usb {
            for (field, v) in [("vendorId", u.vendorId), ("productId", u.productId)]
            where v.count != 4 || UInt16(v, radix: 16) == nil || v != v.lowercased() {
                p.append("usb.\(field): \"\(v)\" must be four lower-case hex digits")
            }
        }
        if media.dots <= 0 || media.dots % 8 != 0 { p.append("media.dots: \(media.dots) must be a positive multiple of 8") }
        if media.dpi <= 0 { p.append("media.dpi: must be positive") }
        if media.printableWidthMM > media.widthMM { p.append("media.printableWidthMM exceeds media.widthMM") }
        if media.dpi > 0 {
            let mm = Double(media.dots) / Double(media.dpi) * 25.4
            if abs(mm - media.printableWidthMM) > 1.5 {
                p.append("media: \(media.dots) dots at \(media.dpi) dpi is \(Int(mm.rounded())) mm, not printableWidthMM \(media.printableWidthMM)")
            }
        }
        if fonts.isEmpty { p.append("fonts: at least font A is needed") }
        for (i, f) in fonts.enumerated() {
            if f.columns <= 0 { p.append("fonts[\(i)].columns: must be positive") }
            if f.columns * f.widthDots > media.dots { p.append("fonts[\(i)]: \(f.columns) columns × \(f.widthDots) dots exceed \(media.dots) dots") }
            if f.heightDots <= 0 || f.widthDots <= 0 { p.append("fonts[\(i)]: cell size must be positive") }
        }
        if codePages.isEmpty { p.append("codePages: at least table 0 is needed") }
        for (key, enc) in codePages {
            guard let n = Int(key), (0...255).contains(n) else { p.append("codePages: key \"\(key)\" is not an ESC t number 0…255"); continue }
            if !enc.hasPrefix("x-") && CharsetCache.singleByte(enc) == nil {
                p.append("codePages[\(key)]: iconv does not know \"\(enc)\" (use an iconv name, or x-name for a table the driver must not use)")
            }
        }
        for (i, m) in multibyte.enumerated() {
            if !Iconv.isKnown(m.encoding) { p.append("multibyte[\(i)].encoding: iconv does not know \"\(m.encoding)\"") }
            if CommandMnemonic.parse(m.enter) == nil { p.append("multibyte[\(i)].enter: \"\(m.enter)\" is not a command") }
            if CommandMnemonic.parse(m.exit) == nil { p.append("multibyte[\(i)].exit: \"\(m.exit)\" is not a command") }
        }
        if !(0...255).contains(cutter.feedLines) { p.append("cutter.feedLines: must be 0…255") }
        if !(0...255).contains(cutter.feedUnits) { p.append("cutter.feedUnits: must be 0…255") }
        if cutter.kinds.isEmpty && cutter.feedAndCut { p.append("cutter.feedAndCut: true without a cutter (kinds is empty)") }
        for pin in drawer.pins where pin != 2 && pin != 5 { p.append("drawer.pins: \(pin) is not 2 or 5") }
        if !(2...510).contains(drawer.pulseMs) { p.append("drawer.pulseMs: \(drawer.pulseMs) outside 2…510 (ESC p takes t × 2 ms, t ≤ 255)") }
        if nvGraphics.supported && nvGraphics.capacityBytes <= 0 { p.append("nvGraphics.capacityBytes: must be positive when supported") }
        let known = Set((Symbology.printedOnSlips + [.upcE, .codabar, .code93]).map(\.rawValue))
        for b in barcodes.native where !known.contains(b) { p.append("barcodes.native: unknown symbology \"\(b)\"") }
        if barcodes.moduleWidths.isEmpty || barcodes.moduleWidths.contains(where: { !(1...6).contains($0) }) {
            p.append("barcodes.moduleWidths: need values in 1…6")
        }
        if raster.maxBytesPerCommand < media.dots / 8 { p.append("raster.maxBytesPerCommand: smaller than one dot row") }
        if completion == .gsr && !status.gsR { p.append("completion: \"gsr\" needs status.gsR true") }
        if completion == .asb && !status.gsA { p.append("completion: \"asb\" needs status.gsA true") }
        if let speed = printSpeedMMPerSecond, !(speed >= 10 && speed <= 1000) {
            p.append("printSpeedMMPerSecond: \(speed) outside 10…1000 mm/s")
        }
        if let s = serial {
            if ![1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].contains(s.baud) { p.append("serial.baud: \(s.baud) is not a standard rate") }
            if !["rts-cts", "dtr-dsr", "xon-xoff", "none"].contains(s.flow) { p.append("serial.flow: \"\(s.flow)\" is not rts-cts, dtr-dsr, xon-xoff or none") }
            if ![7, 8].contains(s.dataBits) { p.append("serial.dataBits: 7 or 8") }
            if !["none", "even", "odd"].contains(s.parity) { p.append("serial.parity: none, even or odd") }
            if ![1, 2].contains(s.stopBits) { p.append("serial.stopBits: 1 or 2") }
        }
        return p
    }
}
