import TillCore
/// ESC/POS command bytes, one function per command, exactly as the Epson ESC/POS reference
/// spells them. Pure: the encoder decides when to send what; these only say how.
public enum EscPos {
    public static let ESC: UInt8 = 0x1B
    public static let GS: UInt8 = 0x1D
    public static let FS: UInt8 = 0x1C
    public static let DLE: UInt8 = 0x10
    public static let LF: UInt8 = 0x0A

    /// ESC @: initialise (clears the buffer, resets styles, code page and, on most models,
    /// leaves multibyte mode as at power-on).
    public static let initialize: [UInt8] = EscPosOpcodes.initialize()

    /// ESC E n: emphasised (bold).
    public static func bold(_ on: Bool) -> [UInt8] { EscPosOpcodes.emphasized(on ? 1 : 0) }

    /// ESC - n: underline, 0 none, 1 one dot, 2 two dots.
    public static func underline(_ dots: UInt8) -> [UInt8] { EscPosOpcodes.underline(min(dots, 2)) }

    /// GS ! n: character size, width and height multipliers 1…8.
    public static func characterSize(width: Int, height: Int) -> [UInt8] {
        let w = UInt8(max(1, min(8, width)) - 1), h = UInt8(max(1, min(8, height)) - 1)
        return EscPosOpcodes.characterSize(w << 4 | h)
    }

    /// GS B n: white-on-black (reverse) printing.
    public static func invert(_ on: Bool) -> [UInt8] { EscPosOpcodes.reverse(on ? 1 : 0) }

    /// ESC { n: upside-down printing on or off.
    public static func upsideDown(_ on: Bool) -> [UInt8] { EscPosOpcodes.upsideDown(on ? 1 : 0) }

    /// ESC a n: justification of the following lines (text, raster, barcodes).
    public static func justify(_ j: Alignment) -> [UInt8] { EscPosOpcodes.justification(UInt8(j.justification)) }

    /// ESC M n: character font, 0 = font A, 1 = font B.
    public static func font(_ n: UInt8) -> [UInt8] { EscPosOpcodes.font(n) }

    /// ESC t n: character code table (code page) for bytes 0x80…0xFF.
    public static func codePage(_ n: UInt8) -> [UInt8] { EscPosOpcodes.codeTable(n) }

    /// FS &: enter Kanji/Chinese (double-byte) character mode.
    public static let enterMultibyte: [UInt8] = EscPosOpcodes.enterMultibyte()
    /// FS .: leave it, so bytes 0x80…0xFF print from the ESC t code page again.
    public static let exitMultibyte: [UInt8] = EscPosOpcodes.exitMultibyte()

    /// ESC d n: print the buffer and feed n lines.
    public static func feedLines(_ n: UInt8) -> [UInt8] { EscPosOpcodes.feedLines(n) }

    public enum Cut: Sendable { case full, partial }

    /// GS V 0 / GS V 1: cut now (function A). Only at the start of a line.
    public static func cut(_ kind: Cut) -> [UInt8] { EscPosOpcodes.cut(kind == .full ? 0 : 1) }

    /// GS V 65 n / GS V 66 n: feed n lines (× the motion unit) then cut (function B).
    public static func feedAndCut(_ kind: Cut, lines: UInt8) -> [UInt8] { EscPosOpcodes.cut(kind == .full ? 65 : 66, lines) }

    /// ESC p m t1 t2: pulse a drawer-kick pin (m 0 = pin 2, 1 = pin 5) on t1×2 ms, off t2×2 ms.
    public static func drawerKick(pin: Int, onMs: Int, offMs: Int) -> [UInt8] {
        let t1 = UInt8(max(1, min(255, onMs / 2))), t2 = UInt8(max(1, min(255, offMs / 2)))
        return EscPosOpcodes.drawerKick(pin == 5 ? 1 : 0, t1, t2)
    }

    /// DLE EOT n: real-time status (1 printer, 2 offline cause, 3 error cause, 4 paper).
    public static func realTimeStatus(_ n: UInt8) -> [UInt8] { EscPosOpcodes.realTimeStatus(n) }

    /// GS a n: automatic status back enable mask.
    public static func automaticStatusBack(_ mask: UInt8) -> [UInt8] { EscPosOpcodes.automaticStatusBack(mask) }

    /// GS r n: transmit status (1 paper sensor, 2 drawer).
    public static func transmitStatus(_ n: UInt8) -> [UInt8] { EscPosOpcodes.transmitStatus(n) }

    /// GS ( H fn 48 m d1…d4: ask for a process ID response (`37 22 d1 d2 d3 d4 00`), which
    /// the printer sends only when processing reaches this command. `id` is four bytes 32…126.
    public static func processIdRequest(_ id: [UInt8]) -> [UInt8] { EscPosOpcodes.extended.with([0x48, 6, 0, 48, 48] + id.prefix(4)) }

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
}
