import TillCore

/// What a drill expects the trainee to end with. Every field set is one scored point; a field
/// left nil is not scored.
public struct DrillExpectation: Hashable, Sendable, Codable {
    public enum Outcome: String, Hashable, Sendable, Codable {
        /// A refund with receipt was recorded.
        case refund
        /// A return without receipt was recorded.
        case blindReturn
        /// A completed sale was post-voided.
        case postVoid
        /// Nothing was refunded and the till refused with `refusal`.
        case refusal
    }

    public struct Line: Hashable, Sendable, Codable {
        public var sku: String
        public var quantity: Quantity

        public init(sku: String, quantity: Quantity) {
            self.sku = sku
            self.quantity = quantity
        }
    }

    public var outcome: Outcome
    public var lines: [Line]?
    public var amount: Money?
    public var tender: TenderKind?
    public var reasonCategory: String?
    public var supervisor: Bool?
    public var slipPrinted: Bool?
    /// For `.refusal`: the refusal code the till must have given (e.g. "window_expired").
    public var refusal: String?
    /// Refusals the scenario makes the trainee meet (a damaged label is refused before the
    /// number is typed): not counted as wrong attempts.
    public var allowedRefusals: [String] = []

    public init(outcome: Outcome, lines: [Line]? = nil, amount: Money? = nil, tender: TenderKind? = nil,
                reasonCategory: String? = nil, supervisor: Bool? = nil, slipPrinted: Bool? = nil, refusal: String? = nil,
                allowedRefusals: [String] = []) {
        self.outcome = outcome
        self.lines = lines
        self.amount = amount
        self.tender = tender
        self.reasonCategory = reasonCategory
        self.supervisor = supervisor
        self.slipPrinted = slipPrinted
        self.refusal = refusal
        self.allowedRefusals = allowedRefusals
    }
}

/// What actually happened during an attempt: read from the training journal and the events.
public struct DrillObservation: Hashable, Sendable, Codable {
    public var refunds: [RefundRecord]
    public var voids: [VoidRecord]
    /// Refusal codes the trainee met, in order.
    public var refusals: [String]
    /// Document numbers whose slip printed by the end.
    public var printedSlips: Set<String>
    public var seconds: Double
    public var keystrokes: Int

    public init(refunds: [RefundRecord] = [], voids: [VoidRecord] = [], refusals: [String] = [],
                printedSlips: Set<String> = [], seconds: Double = 0, keystrokes: Int = 0) {
        self.refunds = refunds
        self.voids = voids
        self.refusals = refusals
        self.printedSlips = printedSlips
        self.seconds = seconds
        self.keystrokes = keystrokes
    }
}
