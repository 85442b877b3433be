import TillGraphics

/// Epson ESC/POS and the models that speak it: the `SlipEncoder`, DLE EOT status with
/// `StatusReplyFramer`, ESC p, and GS ( L NV graphics, all from `EscPos` / `EscPosOpcodes`.
public struct EscPosCommandSet: PrinterCommandSet {
    public init() {}
    public var id: String { "escpos" }
    public func slipEncoder(_ profile: PrinterProfile) -> any SlipEncoding { SlipEncoder(profile: profile) }
    public var statusQueries: [UInt8] { PrinterStatus.queries }
    public func statusQuery(_ n: UInt8) -> [UInt8] { EscPos.realTimeStatus(n) }
    public func makeReplyFramer() -> any PrinterReplyFraming { StatusReplyFramer() }
    public func drawerKick(pin: Int, pulseMs: Int) -> [UInt8] { EscPos.drawerKick(pin: pin, onMs: pulseMs, offMs: pulseMs) }
    public func nvDefine(key: (UInt8, UInt8), image: Bitmap) -> [UInt8] {
        EscPos.nvDefine(key: key, widthDots: image.width, rows: image.height, data: image.bits)
    }
    public func nvPrint(key: (UInt8, UInt8)) -> [UInt8] { EscPos.nvPrint(key: key) }
    public func nvDeleteAll() -> [UInt8] { EscPos.nvDeleteAll }
}

extension SlipEncoder: SlipEncoding {}
extension StatusReplyFramer: PrinterReplyFraming {
    public mutating func takeUnsolicitedStatuses() -> [PrinterStatus] {
        takeStatusBacks().compactMap(PrinterStatus.init(automaticStatusBack:))
    }
}
