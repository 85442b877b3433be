/// The one rule for refunding a payment to another tender than the one it was paid with:
/// for each (tender paid -> tender refunded) pair, a card to another card reference included,
/// allowed, needs a supervisor, or refused. Set in the configuration's `[refund.substitution]`.
public struct TenderSubstitutionPolicy: Hashable, Sendable, Codable {
    public enum Decision: String, Hashable, Sendable, Codable, CaseIterable {
        case allowed, supervisor, refused
    }

    /// Refunding a tender to itself is always allowed; every other pair is listed here.
    public struct Pair: Hashable, Sendable, Codable {
        public var paid: TenderKind
        public var refunded: TenderKind
        /// A card refunded to a card with a different reference.
        public var otherCard: Bool

        public init(paid: TenderKind, refunded: TenderKind, otherCard: Bool = false) {
            self.paid = paid
            self.refunded = refunded
            self.otherCard = otherCard
        }

        /// The configuration key: `card_to_cash`, `cash_to_store_credit`, `card_to_other_card`…
        public var key: String {
            otherCard ? "card_to_other_card" : Self.name(paid) + "_to_" + Self.name(refunded)
        }

        static func name(_ kind: TenderKind) -> String {
            switch kind {
            case .cash: return "cash"
            case .card: return "card"
            case .storeCredit: return "store_credit"
            }
        }

        /// Every pair that is a substitution.
        public static let all: [Pair] = TenderKind.allCases.flatMap { paid in
            TenderKind.allCases.filter { $0 != paid }.map { Pair(paid: paid, refunded: $0) }
        } + [Pair(paid: .card, refunded: .card, otherCard: true)]
    }

    public var decisions: [Pair: Decision]

    public init(decisions: [Pair: Decision] = Self.defaults) { self.decisions = decisions }

    /// Cash back for a card needs a supervisor; a card refund of cash is a known fraud pattern
    /// and refused; store credit may always be given; store credit becomes cash or a card only
    /// with a supervisor (cash) or not at all (card); another card needs a supervisor.
    public static let defaults: [Pair: Decision] = [
        Pair(paid: .card, refunded: .cash): .supervisor,
        Pair(paid: .cash, refunded: .card): .refused,
        Pair(paid: .cash, refunded: .storeCredit): .allowed,
        Pair(paid: .card, refunded: .storeCredit): .allowed,
        Pair(paid: .storeCredit, refunded: .cash): .supervisor,
        Pair(paid: .storeCredit, refunded: .card): .refused,
        Pair(paid: .card, refunded: .card, otherCard: true): .supervisor,
    ]

    /// The decision for paying `payout` back from `account`; a pair missing from the table is refused.
    public func decision(account: TenderAccount, payout: Tender) -> Decision {
        guard let pair = Self.pair(account: account, payout: payout) else { return .allowed }
        return decisions[pair] ?? .refused
    }

    /// The substitution a draw makes, nil when the money goes back where it came from.
    static func pair(account: TenderAccount, payout: Tender) -> Pair? {
        if account.kind == payout.kind {
            guard account.kind == .card, let paidRef = account.reference, let ref = payout.reference, ref != paidRef else {
                return nil
            }
            return Pair(paid: .card, refunded: .card, otherCard: true)
        }
        return Pair(paid: account.kind, refunded: payout.kind)
    }
}
