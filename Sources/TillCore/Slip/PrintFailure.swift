/// Why a slip did not print (or may not have), as a code the journal stores, the CSV exports
/// and the screen translates. The printer layer chooses the case; nothing downstream matches
/// English text.
///
/// Stored as one string: the code (`paperOut`), or the code, a colon and a detail the device
/// gave (`linkLost:write failed: broken pipe`). Text journals wrote before the codes existed
/// (the English sentences) read back as the case they named, or as `other`.
public enum PrintFailure: Hashable, Sendable {
    case paperOut
    case coverOpen
    case cutterJammed
    /// The printer reports an error it cannot recover from by itself.
    case printerError
    /// The printer says it is offline.
    case offline
    /// The printer does not answer a status query at all.
    case noAnswer
    /// The printer cannot be reached (not connected, refused, unplugged): the device's words.
    case unreachable(String)
    /// The link failed while the job was being sent: bytes were lost, the slip is not whole.
    case linkLost(String)
    /// Sent, but the printer stopped answering before it confirmed.
    case stoppedAnswering
    /// Sent, but no confirmation came within this many seconds.
    case notConfirmed(seconds: Int)
    /// Sent to a printer model that cannot confirm a job (no status): check the slip.
    case cannotConfirm(printer: String)
    /// The driver was not started (open, claim, enable) before printing.
    case notEnabled
    /// The slip cannot be encoded for this printer's profile.
    case cannotEncode(String)
    /// A file printer could not write its file (the path and the system's reason).
    case cannotWrite(String)
    /// Stored, no attempt recorded yet.
    case notPrintedYet
    /// The outcome could not be saved in the journal (a full disk): counts as not printed.
    case stateNotSaved
    /// A cause with no code (a journal from before the codes, another printer layer).
    case other(String)
}

extension PrintFailure {
    /// The stable code, as stored and exported.
    public var code: String {
        switch self {
        case .paperOut: "paperOut"
        case .coverOpen: "coverOpen"
        case .cutterJammed: "cutterJammed"
        case .printerError: "printerError"
        case .offline: "offline"
        case .noAnswer: "noAnswer"
        case .unreachable: "unreachable"
        case .linkLost: "linkLost"
        case .stoppedAnswering: "stoppedAnswering"
        case .notConfirmed: "notConfirmed"
        case .cannotConfirm: "cannotConfirm"
        case .notEnabled: "notEnabled"
        case .cannotEncode: "cannotEncode"
        case .cannotWrite: "cannotWrite"
        case .notPrintedYet: "notPrintedYet"
        case .stateNotSaved: "stateNotSaved"
        case .other: "other"
        }
    }

    /// What the device added (a path, a system error, seconds), empty when the code says all.
    public var detail: String {
        switch self {
        case .unreachable(let d), .linkLost(let d), .cannotEncode(let d), .cannotWrite(let d), .other(let d): d
        case .notConfirmed(let seconds): String(seconds)
        case .cannotConfirm(let printer): printer
        default: ""
        }
    }

    /// The one string the journal keeps: `code` or `code:detail`.
    public var stored: String { detail.isEmpty ? code : code + ":" + detail }

    /// Reads what `stored` wrote; an English sentence an older journal kept reads as the case it
    /// named; anything else is `other` with the text as it came.
    public init(stored text: String) {
        if let known = Self.legacy[text] { self = known; return }
        let (code, detail) = text.firstIndex(of: ":").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) }
            ?? (text, "")
        switch (code, detail.isEmpty) {
        case ("paperOut", true): self = .paperOut
        case ("coverOpen", true): self = .coverOpen
        case ("cutterJammed", true): self = .cutterJammed
        case ("printerError", true): self = .printerError
        case ("offline", true): self = .offline
        case ("noAnswer", true): self = .noAnswer
        case ("stoppedAnswering", true): self = .stoppedAnswering
        case ("notEnabled", true): self = .notEnabled
        case ("notPrintedYet", true): self = .notPrintedYet
        case ("stateNotSaved", true): self = .stateNotSaved
        case ("unreachable", _): self = .unreachable(detail)
        case ("linkLost", _): self = .linkLost(detail)
        case ("cannotEncode", _): self = .cannotEncode(detail)
        case ("cannotWrite", _): self = .cannotWrite(detail)
        case ("cannotConfirm", _): self = .cannotConfirm(printer: detail)
        case ("other", _): self = .other(detail)
        case ("notConfirmed", false):
            if let seconds = Int(detail) { self = .notConfirmed(seconds: seconds) } else { self = .other(text) }
        default: self = .other(text)
        }
    }

    /// The English sentences the printer layer wrote before causes had codes.
    private static let legacy: [String: PrintFailure] = [
        "paper out — load paper": .paperOut,
        "cover open — close the printer cover": .coverOpen,
        "cutter jammed — open the cover and clear the cutter": .cutterJammed,
        "printer error — switch the printer off and on": .printerError,
        "printer offline — check the power and the cable": .offline,
        "printer offline — it does not answer: check the power and the cable": .noAnswer,
        "sent, but the printer stopped answering before it confirmed — check the slip printed whole": .stoppedAnswering,
        "the printer is not enabled — start the driver (open, claim, enable) before printing": .notEnabled,
        "not printed yet": .notPrintedYet,
        "print state not saved": .stateNotSaved,
    ]
}

extension PrintFailure: Codable {
    public init(from decoder: Decoder) throws {
        self.init(stored: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }
}

/// Lets code and tests name a cause by its stored text or old English sentence
/// (`"paper out — load paper"` is `.paperOut`), through the same reading as the journal's.
extension PrintFailure: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(stored: value) }
}
