import TillCore
import TillGraphics

/// A printer's command language: everything the driver sends or reads that depends on it.
/// A profile names its language (`commandSet`, "escpos" when absent); Star Line mode or a
/// customer display's language is a new conformance and one line in `CommandSets.known`.
public protocol PrinterCommandSet: Sendable {
    /// The profile value naming it ("escpos").
    var id: String { get }
    /// Encodes slips for a printer of this profile.
    func slipEncoder(_ profile: PrinterProfile) -> any SlipEncoding
    /// The status queries a status check sends, in order, and each one's bytes.
    var statusQueries: [UInt8] { get }
    func statusQuery(_ n: UInt8) -> [UInt8]
    /// Frames what the printer sends back into one reply a query.
    func makeReplyFramer() -> any PrinterReplyFraming
    /// Pulses a drawer-kick pin.
    func drawerKick(pin: Int, pulseMs: Int) -> [UInt8]
    /// Non-volatile graphics: store an image under a two-byte key, print it, forget them all.
    func nvDefine(key: (UInt8, UInt8), image: Bitmap) -> [UInt8]
    func nvPrint(key: (UInt8, UInt8)) -> [UInt8]
    func nvDeleteAll() -> [UInt8]
}

/// A slip encoder for one command set.
public protocol SlipEncoding: Sendable {
    var profile: PrinterProfile { get }
    func encode(_ doc: SlipDocument, options: EncodeOptions) throws -> EncodedJob
}

/// Splits the bytes a printer sends back into status replies, whatever the reads' sizes: the
/// answers to `statusQuery`, and what the printer sends during a job (`JobMonitor` reads all
/// of it through the framer of the profile's command set).
public protocol PrinterReplyFraming {
    mutating func feed(_ bytes: [UInt8])
    /// The next status reply byte, if one has arrived.
    mutating func next() -> UInt8?
    /// Statuses the printer sent unasked since the last call (ESC/POS: automatic status back).
    mutating func takeUnsolicitedStatuses() -> [PrinterStatus]
    /// The job confirmations by ID received since the last call (ESC/POS: process ID responses).
    mutating func takeProcessIds() -> [[UInt8]]
    /// One-byte transmit-status replies since the last call (ESC/POS: GS r 1).
    mutating func takeTransmitStatusReplies() -> [UInt8]
}

public enum CommandSetError: Error, Equatable, CustomStringConvertible {
    case unknown(String, known: [String])

    public var description: String {
        switch self {
        case let .unknown(id, known):
            return "commandSet \"\(id)\" is not a command set this build has: use one of \(known.joined(separator: ", ")) (or leave it out for escpos)."
        }
    }
}

public enum CommandSets {
    /// Every command set this build implements, by profile value.
    public static let known: [String: any PrinterCommandSet] = ["escpos": EscPosCommandSet()]
    public static var ids: [String] { known.keys.sorted() }
    public static let defaultID = "escpos"

    public static func named(_ id: String) throws -> any PrinterCommandSet {
        guard let set = known[id] else { throw CommandSetError.unknown(id, known: ids) }
        return set
    }
}

extension PrinterProfile {
    /// The profile's command set. Loading refuses a profile naming one this build lacks
    /// (`problems()`), so only a profile built in code past validation falls back to ESC/POS.
    public var commands: any PrinterCommandSet {
        CommandSets.known[commandSet ?? CommandSets.defaultID] ?? EscPosCommandSet()
    }
}
