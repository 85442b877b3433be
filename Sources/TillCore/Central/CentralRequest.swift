/// A question put to the central journal that has not been answered yet. Its `id` comes back
/// with the answer: an answer to anything but the open request (one the clerk gave up on with
/// Esc, or one that timed out) is dropped.
public struct CentralRequest: Hashable, Sendable, Codable {
    public enum Kind: Hashable, Sendable, Codable {
        /// Find the sale and every refund of it anywhere.
        case lookUp
        /// Reserve this refund centrally; it is recorded here once the central journal agrees.
        case reservation(RefundReservation)
    }

    public var id: Int64
    public var sale: DocumentKey
    public var kind: Kind
}

/// A refund as the central journal checks it: the sale it returns goods of (by its chain-wide
/// key), where the refund is given, and the refund itself. Reserved under the sale's row lock
/// before the till commits it; the till's replication confirms it later. Reserving the same
/// refund number again replaces a reservation the till never committed (so a retry after a
/// failed commit or an Esc never counts twice).
public struct RefundReservation: Hashable, Sendable, Codable {
    public var sale: DocumentKey
    public var shop: ShopCode
    public var refund: RefundRecord
    /// The sale itself, when it is the refunding till's own (it may not have been replicated
    /// yet): the central journal checks against it until the replicated sale arrives, so the
    /// refund is not refused as "no such sale (yet)". Accepted only from the till that made it.
    public var ownSale: SaleRecord?

    public init(sale: DocumentKey, shop: ShopCode, refund: RefundRecord, ownSale: SaleRecord? = nil) {
        self.sale = sale
        self.shop = shop
        self.refund = refund
        self.ownSale = ownSale
    }

    /// True when `ownSale` may stand for the sale: this till's own, by shop and till.
    public var carriesOwnSale: Bool {
        ownSale != nil && sale.shop == shop && sale.till == refund.till && ownSale?.receipt == sale.number.description
    }

    /// The refund's own chain-wide key ("0001-R02-000004").
    public var key: String { shop.description + "-" + refund.number }
}

/// A sale as the central journal knows it: the sale, every refund of it made anywhere (reserved
/// or replicated, each with the shop that gave it), and whether it was voided.
public struct CentralSale: Hashable, Sendable, Codable {
    public var shop: ShopCode
    public var sale: SaleRecord
    public var refunds: [RefundReservation]
    public var voided: Bool

    public init(shop: ShopCode, sale: SaleRecord, refunds: [RefundReservation], voided: Bool) {
        self.shop = shop
        self.sale = sale
        self.refunds = refunds
        self.voided = voided
    }

    public var key: DocumentKey? {
        DocumentNumber(parsing: sale.receipt).map { DocumentKey(shop: shop, number: $0) }
    }

    /// Kept inside a refund (`RefundRecord.foreignSale`): the refunds it lists keep no copy of
    /// their own, so a record never nests sales within sales.
    public var snapshot: CentralSale {
        var copy = self
        for i in copy.refunds.indices { copy.refunds[i].refund.foreignSale = nil }
        return copy
    }

    /// The sale's ledger with every refund recorded centrally, but `replacing` (a reservation
    /// of the same refund made before, which the new one replaces).
    public func ledger(replacing key: String? = nil) -> ReturnableSale {
        ReturnableSale(sale: sale, priorRefunds: refunds.filter { $0.key != key }.map(\.refund), voided: voided)
    }

    /// The central returnable check: nil when `reservation` fits in what is left of the sale
    /// after every refund recorded anywhere; else the specific reason (who took the goods,
    /// where and when). The same ledger check the core and the till's journal make.
    public func refusal(of reservation: RefundReservation) -> CrossTillFailure? {
        let ledger = ledger(replacing: reservation.key)
        guard let violation = ledger.violation(of: reservation.refund) else { return nil }
        if case .quantityExceedsRemaining(let lineNo, let asked, let remaining) = violation,
           let earlier = refunds.last(where: { $0.key != reservation.key && $0.refund.lines.contains { $0.originalLineNo == lineNo } }) {
            let item = ledger.line(lineNo)?.line.name ?? "line \(lineNo)"
            return .alreadyReturned(ReturnConflict(item: item, asked: asked, remaining: remaining, refund: earlier.refund.number,
                                                   shop: earlier.shop, till: earlier.refund.till, clerk: earlier.refund.clerk.code,
                                                   at: earlier.refund.at))
        }
        return .outsideLedger(violation)
    }
}

/// The central journal's answer to a `CentralRequest`.
public enum CentralOutcome: Hashable, Sendable, Codable {
    case saleFound(CentralSale)
    case reserved
    case failed(CrossTillFailure)
}

/// What the till keeps about its dealings with the central journal.
public struct CrossTillState: Hashable, Sendable, Codable {
    public var request: CentralRequest?
    public var requestsMade: Int64 = 0
    /// The sale on the refund screen when it came from the central journal (made elsewhere).
    public var loadedSale: CentralSale?
    /// The central check of this sale's refund failed for want of a connection, and the offline
    /// policy allows it: the next confirm asks a supervisor and records the refund unverified.
    public var offlineFor: DocumentKey?
    /// This till's own sale as its journal has it, while the central journal is asked for the
    /// refunds given elsewhere (`ReturnableSale(own:central:ownShop:)`).
    public var ownLedger: ReturnableSale?
    /// The central journal's copy of the own sale on the refund screen and the refunds of it
    /// given elsewhere, to say who took goods that are no longer there.
    public var ownSaleCentrally: CentralSale?
    public var ownRefundsElsewhere: [RefundReservation] = []
    /// Unverified refunds given in shift `unverifiedShift`, against the per-shift limit.
    public var unverifiedShift: Int64 = 0
    public var unverifiedThisShiftMinor: Int64 = 0
    /// Who last asked, in this session, for the central journal's unreviewed conflicts (a
    /// supervisor signing in, or approving at this till); cleared on signing out.
    public var conflictsAskedFor: String?
    /// A post-void waiting for its central reservation (`RefundReservation(voiding:)`); recorded
    /// when the central journal grants it.
    public var pendingVoid: VoidRecord?

    public init() {}
}
