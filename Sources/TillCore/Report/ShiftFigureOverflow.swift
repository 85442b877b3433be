/// A shift's running figures that cannot be added up in 64 bits: a sum, or a figure the report
/// derives from the sums (net, a tender's net, cash expected), would wrap. Honest figures never
/// come near this (they are money a till took); a central server's rows are written by every
/// till and can be damaged or doctored, so a report read from it refuses to show a wrapped
/// number as if it were the takings.
public enum ShiftFigureOverflow: Problem, Hashable, Sendable {
    /// One till's shift: `what` names the figure that overflowed.
    case shift(till: String, shift: Int64, what: LocalizedText)
    /// The shop's sums over its tills' reports.
    case shop(shop: String, what: LocalizedText)

    public var code: String {
        switch self {
        case .shift: return "shift_figure_overflow"
        case .shop: return "shop_figure_overflow"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .shift(let till, let shift, let what):
            return LocalizedText(en: "The figures of till \(till)'s shift \(shift) do not add up: \(what.en) goes past the largest amount a report can hold. The stored figures are damaged or were altered.",
                                 zh: "收银台 \(till) 第 \(shift) 班的数据无法相加：\(what.zh)超出报表能容纳的最大金额。所存数据已损坏或被篡改。")
        case .shop(let shop, let what):
            return LocalizedText(en: "The shop \(shop)'s sums over its tills do not add up: \(what.en) goes past the largest amount a report can hold. Some till's stored figures are damaged or were altered.",
                                 zh: "门店 \(shop) 各收银台的合计无法相加：\(what.zh)超出报表能容纳的最大金额。某台收银台所存数据已损坏或被篡改。")
        }
    }

    public var remedy: LocalizedText {
        LocalizedText(en: "Do not use this report. Print the X report on the till itself (`till report x`), which reads the till's own journal, and tell the chain's administrator that the central journal's figures must be checked against that till's journal.",
                      zh: "请勿使用此报表。请在该收银台上打印 X 报表（`till report x`，读取本机日志），并通知连锁管理员：中央日志的数据须与该收银台的日志核对。")
    }

    static func documents(kind: String, clerk: String) -> LocalizedText {
        switch kind {
        case "sale": return LocalizedText(en: "the sales of clerk \(clerk)", zh: "收银员 \(clerk) 的销售")
        case "refund": return LocalizedText(en: "the refunds of clerk \(clerk)", zh: "收银员 \(clerk) 的退款")
        default: return LocalizedText(en: "the post-voids of clerk \(clerk)", zh: "收银员 \(clerk) 的整单作废")
        }
    }

    static func tender(kind: String, tender: TenderKind) -> LocalizedText {
        switch kind {
        case "sale": return LocalizedText(en: "the \(tender.label.en) taken", zh: "\(tender.label.zh)收款")
        default: return LocalizedText(en: "the \(tender.label.en) given back", zh: "\(tender.label.zh)退还")
        }
    }

    static let tax = LocalizedText(en: "the sales tax", zh: "销售税额")
    static let net = LocalizedText(en: "the net", zh: "净额")
    static let cashExpected = LocalizedText(en: "the cash expected in the drawer", zh: "钱箱应有现金")
}

extension ShiftTotals {
    /// The X/Z figures from a shift's running figures as `init(shift:figures:…)` computes them,
    /// but refused with `ShiftFigureOverflow` when any sum, or anything the report derives from
    /// them, would wrap: for figures a server gives, which no till's own checks vouch for.
    public static func checked(shift: ShiftRecord, figures: [ShiftFigure], clerkName: (String) -> String,
                               journalHead: JournalAnchor? = nil) throws(ShiftFigureOverflow) -> ShiftTotals {
        let (totals, overflow) = summing(shift: shift, figures: figures, clerkName: clerkName, journalHead: journalHead)
        func refuse(_ what: LocalizedText) -> ShiftFigureOverflow { .shift(till: shift.till, shift: shift.number, what: what) }
        if let overflow { throw refuse(overflow) }
        // What the slip derives and shows negated: each must exist as a 64-bit amount.
        func fits(_ values: Int64?...) -> Bool { values.allSatisfy { $0 != nil && $0 != .min } }
        for tender in totals.tenders {
            let net = tender.taken.minor.subtractingReportingOverflow(tender.givenBack.minor)
            let refunded = tender.givenBack.minor.subtractingReportingOverflow(tender.voided?.minor ?? 0)
            guard fits(tender.taken.minor, tender.givenBack.minor, tender.voided?.minor ?? 0,
                       net.overflow ? nil : net.partialValue, refunded.overflow ? nil : refunded.partialValue)
            else { throw refuse(ShiftFigureOverflow.tender(kind: "refund", tender: tender.kind)) }
        }
        let amounts = [totals.sales, totals.refunds, totals.voids] + totals.clerks.flatMap { [$0.sales, $0.refunds, $0.voids] }
        guard fits(totals.salesTax.minor), amounts.allSatisfy({ fits($0.amount.minor, $0.count) }),
              let net = totals.sales.amount.subtracting(totals.refunds.amount)?.subtracting(totals.voids.amount), fits(net.minor)
        else { throw refuse(ShiftFigureOverflow.net) }
        let cashNet = totals.tenders.first { $0.kind == .cash }.map { $0.taken.minor - $0.givenBack.minor } ?? 0
        guard let cash = totals.shift.openingFloat.adding(Money(minor: cashNet, currency: totals.shift.openingFloat.currency)),
              fits(cash.minor, totals.shift.openingFloat.minor)
        else { throw refuse(ShiftFigureOverflow.cashExpected) }
        return totals
    }
}
