/// Faults a technician or a test injects, at start (`--fault WORD`) or while running
/// (the control socket). Words are the control-line spelling.
public enum Fault: Hashable, Sendable, CustomStringConvertible {
    case paperNearEnd, paperNearEndClear
    case paperOut
    /// Paper runs out after this many millimetres more of feed.
    case paperOutAfter(millimetres: Double)
    case paperLoad
    case coverOpen, coverClose
    case offline, online
    /// The next cut jams the autocutter (recoverable error, printer offline).
    case cutterError
    case cutterClear
    /// The connection drops after this many more bytes are received.
    case disconnectAfter(bytes: Int)
    /// Received data is throttled to this line speed (10 bits per byte, as 8N1 serial).
    case baud(Int?)
    /// Replies are mixed with noise bytes (none of them shaped like a status byte).
    case garbage(Bool)
    case drawerOpen, drawerClose

    /// Bounds of the numbers a fault takes (anything a control line can say must be modelled
    /// without overflow).
    public static let longestRollMM = 100_000.0
    public static let mostBytes = 1 << 40

    public static let usage = """
    paper-out | paper-out-after <N>mm | paper-load | near-end | near-end-clear | cover-open | cover-close | \
    offline | online | cutter-error | cutter-clear | disconnect-after <bytes> | baud <rate>|off | \
    garbage on|off | drawer-open | drawer-close
    """

    /// Parses one control line ("paper-out-after 30mm", "baud 9600").
    public init(parsing line: String) throws {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let word = words.first?.lowercased() else { throw FaultParseError(line: line, why: "empty line") }
        let arg = words.count > 1 ? words[1].lowercased() : nil
        func needArg() throws -> String {
            guard let arg else { throw FaultParseError(line: line, why: "'\(word)' needs a value") }
            return arg
        }
        switch word {
        case "paper-out": self = .paperOut
        case "paper-out-after":
            var text = try needArg()
            if text.hasSuffix("mm") { text.removeLast(2) }
            // A real roll is at most about 100 m; anything beyond is a typo, not a fault to model.
            guard let mm = Double(text), mm >= 0, mm <= Fault.longestRollMM else {
                throw FaultParseError(line: line, why: "give millimetres from 0 to \(Int(Fault.longestRollMM)), e.g. paper-out-after 30mm")
            }
            self = .paperOutAfter(millimetres: mm)
        case "paper-load", "paper-in": self = .paperLoad
        case "near-end", "paper-near-end": self = .paperNearEnd
        case "near-end-clear": self = .paperNearEndClear
        case "cover-open": self = .coverOpen
        case "cover-close": self = .coverClose
        case "offline": self = .offline
        case "online": self = .online
        case "cutter-error": self = .cutterError
        case "cutter-clear": self = .cutterClear
        case "disconnect-after":
            guard let n = Int(try needArg()), n >= 0, n <= Fault.mostBytes else {
                throw FaultParseError(line: line, why: "give a byte count from 0 to \(Fault.mostBytes), e.g. disconnect-after 100")
            }
            self = .disconnectAfter(bytes: n)
        case "baud":
            let a = try needArg()
            if a == "off" || a == "0" { self = .baud(nil); return }
            guard let rate = Int(a), rate >= 50, rate <= 4_000_000 else {
                throw FaultParseError(line: line, why: "give a baud rate from 50 to 4000000 such as 9600, or 'off'")
            }
            self = .baud(rate)
        case "garbage":
            let a = try needArg()
            guard a == "on" || a == "off" else { throw FaultParseError(line: line, why: "say 'garbage on' or 'garbage off'") }
            self = .garbage(a == "on")
        case "drawer-open": self = .drawerOpen
        case "drawer-close": self = .drawerClose
        default:
            throw FaultParseError(line: line, why: "unknown fault '\(word)'")
        }
    }

    public var description: String {
        switch self {
        case .paperNearEnd: return "near-end"
        case .paperNearEndClear: return "near-end-clear"
        case .paperOut: return "paper-out"
        case let .paperOutAfter(mm): return "paper-out-after \(mm)mm"
        case .paperLoad: return "paper-load"
        case .coverOpen: return "cover-open"
        case .coverClose: return "cover-close"
        case .offline: return "offline"
        case .online: return "online"
        case .cutterError: return "cutter-error"
        case .cutterClear: return "cutter-clear"
        case let .disconnectAfter(n): return "disconnect-after \(n)"
        case let .baud(rate): return rate.map { "baud \($0)" } ?? "baud off"
        case let .garbage(on): return on ? "garbage on" : "garbage off"
        case .drawerOpen: return "drawer-open"
        case .drawerClose: return "drawer-close"
        }
    }
}

public struct FaultParseError: Error, CustomStringConvertible, Equatable {
    public let line: String
    public let why: String
    public var description: String { "cannot read fault '\(line)': \(why). Known: \(Fault.usage)" }
}
