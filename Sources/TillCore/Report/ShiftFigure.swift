/// One running figure of a shift as a journal keeps it (SQLite on the till, PostgreSQL centrally):
/// - `document`: kind `sale` / `refund` / `postVoid`, key the clerk's code;
/// - `tender`: kind the document kind, key the tender kind;
/// - `tax`: kind `sale`, key '' (the tax of lines not voided).
/// `ShiftTotals(shift:figures:…)` turns them into an X/Z report's figures, the same for every engine.
public struct ShiftFigure: Hashable, Sendable {
    public var figure: String
    public var kind: String
    public var key: String
    public var count: Int64
    public var amountMinor: Int64

    public init(figure: String, kind: String, key: String, count: Int64, amountMinor: Int64) {
        self.figure = figure
        self.kind = kind
        self.key = key
        self.count = count
        self.amountMinor = amountMinor
    }
}

extension ShiftTotals {
    /// The X/Z figures from a shift's running figures. `clerkName` names a clerk by code (the
    /// journal's latest name). Sums wrap rather than trap: the figures come from a file or a
    /// server, and `verify` is what names a doctored one.
    public init(shift: ShiftRecord, figures: [ShiftFigure], clerkName: (String) throws -> String,
                journalHead: JournalAnchor? = nil) rethrows {
        let currency = shift.openingFloat.currency
        func money(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }
        func add(_ a: CountedAmount, _ b: CountedAmount) -> CountedAmount {
            CountedAmount(count: a.count &+ b.count, amount: money(a.amount.minor &+ b.amount.minor))
        }
        var byKind: [String: CountedAmount] = [:]
        var clerks: [String: ClerkTotals] = [:]
        var salesTax: Int64 = 0
        var taken: [TenderKind: Int64] = [:], refunded: [TenderKind: Int64] = [:], voided: [TenderKind: Int64] = [:]
        let ordered = figures.sorted { ($0.figure, $0.kind, $0.key) < ($1.figure, $1.kind, $1.key) }
        for figure in ordered {
            switch figure.figure {
            case "document":
                let kind = figure.kind
                guard ["sale", "refund", "postVoid"].contains(kind) else { continue }
                let amount = CountedAmount(count: figure.count, amount: money(figure.amountMinor))
                byKind[kind] = add(byKind[kind] ?? .zero(currency), amount)
                var clerk = try clerks[figure.key] ?? ClerkTotals(code: figure.key, name: try clerkName(figure.key),
                                                                  sales: .zero(currency), refunds: .zero(currency), voids: .zero(currency))
                switch kind {
                case "sale": clerk.sales = add(clerk.sales, amount)
                case "refund": clerk.refunds = add(clerk.refunds, amount)
                default: clerk.voids = add(clerk.voids, amount)
                }
                clerks[figure.key] = clerk
            case "tender":
                guard let kind = TenderKind(rawValue: figure.key) else { continue }
                switch figure.kind {
                case "sale": taken[kind, default: 0] &+= figure.amountMinor
                case "postVoid": voided[kind, default: 0] &+= figure.amountMinor
                default: refunded[kind, default: 0] &+= figure.amountMinor
                }
            case "tax":
                salesTax &+= figure.amountMinor
            default:
                continue
            }
        }
        let tenders = TenderKind.allCases.filter { taken[$0] != nil || refunded[$0] != nil || voided[$0] != nil }.map {
            TenderTotals(kind: $0, taken: money(taken[$0] ?? 0), refunded: money(refunded[$0] ?? 0), voided: money(voided[$0] ?? 0))
        }
        self.init(shift: shift, sales: byKind["sale"] ?? .zero(currency), salesTax: money(salesTax),
                  refunds: byKind["refund"] ?? .zero(currency), voids: byKind["postVoid"] ?? .zero(currency),
                  tenders: tenders, clerks: clerks.values.sorted { $0.code < $1.code }, journalHead: journalHead)
    }
}
