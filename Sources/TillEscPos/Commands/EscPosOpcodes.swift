/// One ESC/POS command's opcode bytes and how many parameter bytes follow them: the single
/// definition the encoder builds commands from and the decoder (TillVirtualPrinter) splits a
/// stream by, so the two cannot disagree on a command's length.
public struct EscPosOpcode: Sendable, Hashable {
    public let bytes: [UInt8]
    /// Parameter bytes after `bytes`; nil: the length is read from the parameters themselves
    /// (`EscPosOpcodes.measure`).
    public let parameters: Int?
    public let name: String

    init(_ bytes: [UInt8], _ parameters: Int?, _ name: String) {
        self.bytes = bytes
        self.parameters = parameters
        self.name = name
    }

    /// The command with these parameter bytes.
    public func callAsFunction(_ p: UInt8...) -> [UInt8] { bytes + p }
    public func with(_ p: [UInt8]) -> [UInt8] { bytes + p }
}

/// What the decoder makes of the bytes at a position (see `EscPosOpcodes.measure`).
public enum EscPosMeasure: Sendable, Equatable {
    /// The command is not complete yet: wait for more bytes.
    case needMore
    /// A whole command of this many bytes, opcode included.
    case length(Int)
    /// Malformed or implausible: skip this many bytes, for this reason.
    case invalid(Int, reason: String)
    /// No command of the table starts here.
    case unknown
}

public enum EscPosOpcodes {
    static let ESC = EscPos.ESC, GS = EscPos.GS, FS = EscPos.FS, DLE = EscPos.DLE

    // MARK: what the encoder sends
    public static let initialize = EscPosOpcode([ESC, 0x40], 0, "ESC @")
    public static let emphasized = EscPosOpcode([ESC, 0x45], 1, "ESC E")
    public static let underline = EscPosOpcode([ESC, 0x2D], 1, "ESC -")
    public static let justification = EscPosOpcode([ESC, 0x61], 1, "ESC a")
    public static let font = EscPosOpcode([ESC, 0x4D], 1, "ESC M")
    public static let codeTable = EscPosOpcode([ESC, 0x74], 1, "ESC t")
    public static let feedLines = EscPosOpcode([ESC, 0x64], 1, "ESC d")
    public static let feedDots = EscPosOpcode([ESC, 0x4A], 1, "ESC J")
    public static let drawerKick = EscPosOpcode([ESC, 0x70], 3, "ESC p")
    public static let userCharacterSet = EscPosOpcode([ESC, 0x25], 1, "ESC %")
    public static let cancelUserCharacter = EscPosOpcode([ESC, 0x3F], 1, "ESC ?")
    public static let defineUserCharacters = EscPosOpcode([ESC, 0x26], nil, "ESC &")
    public static let characterSize = EscPosOpcode([GS, 0x21], 1, "GS !")
    public static let reverse = EscPosOpcode([GS, 0x42], 1, "GS B")
    public static let upsideDown = EscPosOpcode([ESC, 0x7B], 1, "ESC {")
    public static let cut = EscPosOpcode([GS, 0x56], nil, "GS V")
    public static let barcodeHeight = EscPosOpcode([GS, 0x68], 1, "GS h")
    public static let barcodeModuleWidth = EscPosOpcode([GS, 0x77], 1, "GS w")
    public static let hriPosition = EscPosOpcode([GS, 0x48], 1, "GS H")
    public static let barcode = EscPosOpcode([GS, 0x6B], nil, "GS k")
    public static let automaticStatusBack = EscPosOpcode([GS, 0x61], 1, "GS a")
    public static let transmitStatus = EscPosOpcode([GS, 0x72], 1, "GS r")
    public static let transmitPrinterID = EscPosOpcode([GS, 0x49], 1, "GS I")
    public static let raster = EscPosOpcode([GS, 0x76], nil, "GS v 0")
    public static let extended = EscPosOpcode([GS, 0x28], nil, "GS ( x")        // GS ( k, GS ( L, GS ( H…
    public static let extendedLong = EscPosOpcode([GS, 0x38], nil, "GS 8 L")
    public static let enterMultibyte = EscPosOpcode([FS, 0x26], 0, "FS &")
    public static let exitMultibyte = EscPosOpcode([FS, 0x2E], 0, "FS .")
    public static let realTimeStatus = EscPosOpcode([DLE, 0x04], nil, "DLE EOT")

    // MARK: what peers send and the decoder must step over
    static let decoderOnly: [EscPosOpcode] = [
        .init([ESC, 0x21], 1, "ESC !"), .init([ESC, 0x47], 1, "ESC G"), .init([ESC, 0x52], 1, "ESC R"),
        .init([ESC, 0x33], 1, "ESC 3"), .init([ESC, 0x32], 0, "ESC 2"), .init([ESC, 0x20], 1, "ESC SP"),
        .init([ESC, 0x56], 1, "ESC V"), .init([ESC, 0x4B], 1, "ESC K"),
        .init([ESC, 0x65], 1, "ESC e"), .init([ESC, 0x3D], 1, "ESC ="), .init([ESC, 0x54], 1, "ESC T"),
        .init([ESC, 0x72], 1, "ESC r"), .init([ESC, 0x55], 1, "ESC U"), .init([ESC, 0x75], 1, "ESC u"),
        .init([ESC, 0x41], 1, "ESC A"), .init([ESC, 0x2B], 1, "ESC +"), .init([ESC, 0x63], 2, "ESC c"),
        .init([ESC, 0x24], 2, "ESC $"), .init([ESC, 0x5C], 2, "ESC \\"), .init([ESC, 0x4C], 0, "ESC L"),
        .init([ESC, 0x53], 0, "ESC S"), .init([ESC, 0x3C], 0, "ESC <"), .init([ESC, 0x76], 0, "ESC v"),
        .init([ESC, 0x0C], 0, "ESC FF"), .init([ESC, 0x69], 0, "ESC i"), .init([ESC, 0x6D], 0, "ESC m"),
        .init([ESC, 0x57], 8, "ESC W"), .init([ESC, 0x42], 2, "ESC B"), .init([ESC, 0x44], nil, "ESC D"),
        .init([ESC, 0x2A], nil, "ESC *"),
        .init([FS, 0x21], 1, "FS !"), .init([FS, 0x2D], 1, "FS -"), .init([FS, 0x57], 1, "FS W"), .init([FS, 0x43], 1, "FS C"),
        .init([FS, 0x53], 2, "FS S"), .init([FS, 0x3F], 2, "FS ?"), .init([FS, 0x32], 74, "FS 2"), .init([FS, 0x70], 2, "FS p"),
        .init([FS, 0x71], nil, "FS q"), .init([FS, 0x28], nil, "FS ( x"),
        .init([GS, 0x66], 1, "GS f"), .init([GS, 0x62], 1, "GS b"), .init([GS, 0x54], 1, "GS T"), .init([GS, 0x45], 1, "GS E"),
        .init([GS, 0x2F], 1, "GS /"), .init([GS, 0x6A], 1, "GS j"), .init([GS, 0x7C], 1, "GS |"), .init([GS, 0x4C], 2, "GS L"),
        .init([GS, 0x57], 2, "GS W"), .init([GS, 0x50], 2, "GS P"), .init([GS, 0x24], 2, "GS $"), .init([GS, 0x5C], 2, "GS \\"),
        .init([GS, 0x3A], 0, "GS :"), .init([GS, 0x5E], 3, "GS ^"), .init([GS, 0x7A], 2, "GS z"), .init([GS, 0x67], 3, "GS g"),
        .init([GS, 0x2A], nil, "GS *"),
        .init([DLE, 0x05], 1, "DLE ENQ"), .init([DLE, 0x14], nil, "DLE DC4"),
    ]

    public static let all: [EscPosOpcode] = [
        initialize, emphasized, underline, justification, font, codeTable, feedLines, feedDots, drawerKick,
        userCharacterSet, cancelUserCharacter, defineUserCharacters, characterSize, reverse, upsideDown, cut, barcodeHeight,
        barcodeModuleWidth, hriPosition, barcode, automaticStatusBack, transmitStatus, transmitPrinterID, raster,
        extended, extendedLong, enterMultibyte, exitMultibyte, realTimeStatus,
    ] + decoderOnly

    /// Opcodes by their two bytes (every ESC/POS opcode here is two bytes; sub-functions
    /// are parameters).
    static let byPrefix: [UInt16: EscPosOpcode] = {
        var map: [UInt16: EscPosOpcode] = [:]
        for op in all { map[UInt16(op.bytes[0]) << 8 | UInt16(op.bytes[1])] = op }
        return map
    }()

    public static func opcode(_ first: UInt8, _ second: UInt8) -> EscPosOpcode? { byPrefix[UInt16(first) << 8 | UInt16(second)] }
}
