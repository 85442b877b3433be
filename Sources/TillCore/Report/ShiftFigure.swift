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
    /// server, and `verify` is what names a doctored one. A report read from a server that any
    /// till can write to uses `checked(shift:figures:…)`, which refuses a sum that would wrap.
    public init(shift: ShiftRecord, figures: [ShiftFigure], clerkName: (String) throws -> String,
                journalHead: JournalAnchor? = nil) rethrows {
        self = try Self.summing(shift: shift, figures: figures, clerkName: clerkName, journalHead: journalHead).totals
    }

    /// The totals, and the first figure whose sum did not fit (nil: every sum is exact).
    static func summing(shift: ShiftRecord, figures: [ShiftFigure], clerkName: (String) throws -> String,
                        journalHead: JournalAnchor?) rethrows -> (totals: ShiftTotals, overflow: LocalizedText?) {
        let currency = shift.openingFloat.currency
        var overflow: LocalizedText?
        func money(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }
        func plus(_ a: Int64, _ b: Int64, _ what: @autoclosure () -> LocalizedText) -> Int64 {
            let (sum, wrapped) = a.addingReportingOverflow(b)
            if wrapped, overflow == nil { overflow = what() }
            return sum
        }
        func add(_ a: CountedAmount, _ b: CountedAmount, _ what: @autoclosure () -> LocalizedText) -> CountedAmount {
            CountedAmount(count: plus(a.count, b.count, what()), amount: money(plus(a.amount.minor, b.amount.minor, what())))
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
                let what = ShiftFigureOverflow.documents(kind: kind, clerk: figure.key)
                let amount = CountedAmount(count: figure.count, amount: money(figure.amountMinor))
                byKind[kind] = add(byKind[kind] ?? .zero(currency), amount, what)
                var clerk = try clerks[figure.key] ?? ClerkTotals(code: figure.key, name: try clerkName(figure.key),
                                                                  sales: .zero(currency), refunds: .zero(currency), voids: .zero(currency))
                switch kind {
                case "sale": clerk.sales = add(clerk.sales, amount, what)
                case "refund": clerk.refunds = add(clerk.refunds, amount, what)
                default: clerk.voids = add(clerk.voids, amount, what)
                }
                clerks[figure.key] = clerk
            case "tender":
                guard let kind = TenderKind(rawValue: figure.key) else { continue }
                let what = ShiftFigureOverflow.tender(kind: figure.kind, tender: kind)
                switch figure.kind {
                case "sale": taken[kind] = plus(taken[kind] ?? 0, figure.amountMinor, what)
                case "postVoid": voided[kind] = plus(voided[kind] ?? 0, figure.amountMinor, what)
                default: refunded[kind] = plus(refunded[kind] ?? 0, figure.amountMinor, what)
                }
            case "tax":
                salesTax = plus(salesTax, figure.amountMinor, ShiftFigureOverflow.tax)
            default:
                continue
            }
        }
        // A tender's given-back sum is refunds plus post-voids: checked here, as the report adds them.
        let tenders = TenderKind.allCases.filter { taken[$0] != nil || refunded[$0] != nil || voided[$0] != nil }.map { kind in
            let back = refunded[kind] ?? 0, void = voided[kind] ?? 0
            let givenBack = plus(back, void, ShiftFigureOverflow.tender(kind: "refund", tender: kind))
            var tender = TenderTotals(kind: kind, taken: money(taken[kind] ?? 0), givenBack: money(givenBack))
            tender.voided = money(void)
            return tender
        }
        let totals = ShiftTotals(shift: shift, sales: byKind["sale"] ?? .zero(currency), salesTax: money(salesTax),
                                 refunds: byKind["refund"] ?? .zero(currency), voids: byKind["postVoid"] ?? .zero(currency),
                                 tenders: tenders, clerks: clerks.values.sorted { $0.code < $1.code }, journalHead: journalHead)
        return (totals, overflow)
    }
}
