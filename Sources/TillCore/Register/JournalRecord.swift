/// What the core asks the journal to keep. Each is written in one database transaction.
public enum JournalRecord: Hashable, Sendable, Codable {
    case sale(SaleRecord, SlipDocument)
    case refund(RefundRecord, SlipDocument)
    case postVoid(VoidRecord, SlipDocument)
    case shiftOpened(ShiftRecord)
    case zReport(ZReportRecord, SlipDocument)
    case event(AuditEvent)

    /// The document number the record carries, if any.
    public var reference: String? {
        switch self {
        case .sale(let s, _): return s.receipt
        case .refund(let r, _): return r.number
        case .postVoid(let v, _): return v.number
        case .shiftOpened(let s): return DocumentNumber(kind: .shift, till: s.till, sequence: s.number).description
        case .zReport(let z, _): return z.number
        case .event(let e): return e.reference
        }
    }

    public var slip: SlipDocument? {
        switch self {
        case .sale(_, let d), .refund(_, let d), .postVoid(_, let d), .zReport(_, let d): return d
        case .shiftOpened, .event: return nil
        }
    }
}

/// Where a slip stands with the printer. A refund whose slip is not `printed` stays on screen
/// and in `till journal slips --unprinted` until it is.
public enum PrintState: Hashable, Sendable, Codable {
    case pending
    case printed(at: Timestamp)
    case failed(cause: PrintFailure, at: Timestamp)
    /// Sent, but the printer's state afterwards could not be read.
    case unknown(cause: PrintFailure, at: Timestamp)
    /// Stored on purpose without printing: the customer wanted no receipt (a sale only). Not
    /// "unprinted" (nothing nags about it); a reprint prints it as the original.
    case notRequested(at: Timestamp)

    public var isPrinted: Bool { if case .printed = self { return true } else { return false } }

    public var label: String {
        switch self {
        case .pending: return "pending"
        case .printed: return "printed"
        case .failed: return "failed"
        case .unknown: return "unknown"
        case .notRequested: return Self.notRequestedLabel
        }
    }

    /// The label of `notRequested`, as the journal's slip table stores it.
    public static let notRequestedLabel = "not-requested"

    /// Whether recording this state is a print attempt (pending and not requested are not).
    public var countsAttempt: Bool {
        switch self {
        case .pending, .notRequested: return false
        case .printed, .failed, .unknown: return true
        }
    }
}
