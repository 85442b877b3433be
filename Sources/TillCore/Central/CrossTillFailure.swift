/// Why the central journal could not answer, or said no. The runtime's central port answers with
/// it; the core turns it into a refusal naming where the sale was made (`CentralProblem`).
public enum CrossTillFailure: Hashable, Sendable, Codable, Error {
    /// No connection (server down, network cut, name not resolved): `detail` is the driver's words.
    case unreachable(detail: String)
    /// No answer within `[central] lookup_timeout_ms`.
    case timedOut(milliseconds: Int64)
    /// The central journal has no such sale (the till that made it has not sent it yet, or never made it).
    case notFound
    /// The central journal refused the request for a reason of its own (a chain that does not verify…).
    case refused(detail: String)
    /// The goods were already returned elsewhere: the refund would take more than is left.
    case alreadyReturned(ReturnConflict)
    /// The refund does not fit what is left of the sale after every refund recorded centrally
    /// (its money, or a voided sale), for a reason other than goods returned elsewhere.
    case outsideLedger(LedgerViolation)
    /// A refund reservation row (`key`, "0001-R02-000004") whose signature does not verify
    /// under its till's central key: written or changed in the database by someone other than
    /// that till. It is refused, never counted (it could hold or release goods).
    case forgedReservation(key: String)
    /// The central journal's answer does not hold together (`CentralSale.damage`): amounts
    /// beyond what the till can count, another currency, negative quantities, another sale's
    /// refunds, control characters in its text. Nothing is planned on it; `what` says which.
    case damaged(LocalizedText)
    /// The central journal already holds another document under `number` (a committed or
    /// reconciled refund with other lines or another time, or another sale under this till's own
    /// sale number): two tills of `shop` share a number, or this till's journal was replaced.
    /// Refused, so neither is counted in the other's place.
    case refundNumberTaken(number: String, shop: ShopCode)

    /// True when the central journal was not heard at all: the offline policy may apply.
    public var isOffline: Bool {
        switch self {
        case .unreachable, .timedOut: return true
        case .notFound, .refused, .alreadyReturned, .outsideLedger, .forgedReservation, .damaged, .refundNumberTaken: return false
        }
    }
}

/// The refund that already took back (part of) a line another refund asks for: who, where, when.
public struct ReturnConflict: Hashable, Sendable, Codable {
    public var item: String
    /// What the refund asked for, and what was left of the line before it.
    public var asked: Quantity
    public var remaining: Quantity
    /// The earlier refund that took the goods (the latest one touching the line).
    public var refund: String
    public var shop: ShopCode
    public var till: String
    public var clerk: String
    public var at: Timestamp

    public init(item: String, asked: Quantity, remaining: Quantity, refund: String, shop: ShopCode, till: String,
                clerk: String, at: Timestamp) {
        self.item = item
        self.asked = asked
        self.remaining = remaining
        self.refund = refund
        self.shop = shop
        self.till = till
        self.clerk = clerk
        self.at = at
    }
}
