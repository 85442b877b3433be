/// QR Code commands: GS ( k with cn = 49 (QR), functions 65 model, 67 module size, 69 error
/// correction, 80 store data, 81 print.
extension EscPos {
    public enum QRLevel: UInt8, Sendable { case low = 48, medium = 49, quartile = 50, high = 51 }

    private static func qrFunction(_ fn: UInt8, _ params: [UInt8]) -> [UInt8] {
        EscPosOpcodes.extended(0x6B) + le16(params.count + 2) + [0x31, fn] + params
    }

    /// Function 165 (fn 65): model 2 (n1 = 50, n2 = 0).
    public static let qrModel2: [UInt8] = qrFunction(65, [50, 0])

    /// Function 167 (fn 67): module size in dots, 1…16.
    public static func qrModuleSize(_ dots: UInt8) -> [UInt8] { qrFunction(67, [max(1, min(16, dots))]) }

    /// Function 169 (fn 69): error-correction level.
    public static func qrErrorLevel(_ level: QRLevel) -> [UInt8] { qrFunction(69, [level.rawValue]) }

    /// Function 180 (fn 80): store data in the symbol storage area (m = 48).
    public static func qrStore(_ data: [UInt8]) -> [UInt8] { qrFunction(80, [0x30] + data) }

    /// Function 181 (fn 81): print the stored symbol (m = 48).
    public static let qrPrint: [UInt8] = qrFunction(81, [0x30])
}
