/// A pattern in a clerk's refunds that a shop owner should look at, raised when a threshold of
/// `RefundThresholds` is crossed.
public struct RefundFlag: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Refunds without receipt far above the shop's share.
        case noReceiptAboveShop
        /// Refunds soon after the sale.
        case soonAfterSale
        /// Many refunds just under the per-refund limit (which would need a supervisor).
        case justUnderLimit
    }

    public var kind: Kind
    public var shop: String
    public var clerk: String
    public var clerkName: String
    /// How many refunds show the pattern.
    public var count: Int64
    /// What was seen, with the threshold it crossed.
    public var detail: LocalizedText

    /// Every flag the refunds raise, per shop and clerk, in a stable order (from the refunds
    /// grouped, in the report's order: each clerk named as in their last refund).
    static func raised(groups: [RefundFactGroup], thresholds t: RefundThresholds) -> [RefundFlag] {
        struct Clerk { var name = ""; var all: Int64 = 0; var blind: Int64 = 0; var soon: Int64 = 0; var underLimit: Int64 = 0 }
        var clerks: [String: [String: Clerk]] = [:]
        for group in groups {
            let n = group.tally.count
            var clerk = clerks[group.shop, default: [:]][group.clerk, default: Clerk()]
            clerk.name = group.clerkName
            if group.kind != .postVoid {
                clerk.all = RefundTally.saturating(clerk.all, n)
                if group.kind == .withoutReceipt { clerk.blind = RefundTally.saturating(clerk.blind, n) }
                if group.justUnderLimit { clerk.underLimit = RefundTally.saturating(clerk.underLimit, n) }
            }
            if group.soonAfterSale { clerk.soon = RefundTally.saturating(clerk.soon, n) }
            clerks[group.shop, default: [:]][group.clerk] = clerk
        }
        var flags: [RefundFlag] = []
        for shop in clerks.keys.sorted() {
            let people = clerks[shop] ?? [:]
            let shopAll = people.values.reduce(0) { RefundTally.saturating($0, $1.all) }
            let shopBlind = people.values.reduce(0) { RefundTally.saturating($0, $1.blind) }
            for code in people.keys.sorted() {
                guard let c = people[code] else { continue }
                func flag(_ kind: Kind, _ count: Int64, _ en: String, _ zh: String) {
                    flags.append(RefundFlag(kind: kind, shop: shop, clerk: code, clerkName: c.name, count: count,
                                            detail: LocalizedText(en: en, zh: zh)))
                }
                if c.blind >= t.noReceiptMinimum,
                   isShareAbove(c.blind, of: c.all, shopPart: shopBlind, of: shopAll, percent: t.noReceiptSharePercent) {
                    flag(.noReceiptAboveShop, c.blind,
                         "\(c.blind) of \(c.all) refunds without receipt, against \(shopBlind) of \(shopAll) in the shop (at least \(t.noReceiptSharePercent)% of the shop's share)",
                         "\(c.all) 笔退款中 \(c.blind) 笔无小票，门店为 \(shopAll) 笔中 \(shopBlind) 笔（达到门店比例的 \(t.noReceiptSharePercent)%）")
                }
                if c.soon >= t.soonAfterSaleMinimum {
                    flag(.soonAfterSale, c.soon, "\(c.soon) refunds within \(t.soonAfterSaleMinutes) minutes of the sale",
                         "\(c.soon) 笔退款在销售后 \(t.soonAfterSaleMinutes) 分钟内")
                }
                if c.underLimit >= t.underLimitMinimum {
                    flag(.justUnderLimit, c.underLimit,
                         "\(c.underLimit) refunds within \(t.underLimitPercent)% under the per-refund limit",
                         "\(c.underLimit) 笔退款金额在单笔限额以下 \(t.underLimitPercent)% 以内")
                }
            }
        }
        return flags
    }

    /// part/whole ≥ percent/100 × shopPart/shopWhole, in exact integers (saturating: counts are
    /// rows, far below the limit, but a product must still never trap).
    static func isShareAbove(_ part: Int64, of whole: Int64, shopPart: Int64, of shopWhole: Int64, percent: Int64) -> Bool {
        guard whole > 0, shopWhole > 0 else { return false }
        return product(part, shopWhole, 100) >= product(percent, shopPart, whole)
    }

    /// Paid out at most the limit and at least (100 − percent)% of it; nothing paid is never flagged.
    static func isJustUnderLimit(_ amount: Int64, limit: Int64, percent: Int64) -> Bool {
        guard amount > 0, amount <= limit else { return false }
        let (rest, overflow) = Int64(100).subtractingReportingOverflow(percent)   // only a percent near Int64.min overflows
        return product(amount, 100) >= product(limit, overflow ? .max : rest)
    }

    /// The refund came at most `minutes` after its sale (a refund dated before its sale counts too:
    /// the clock was wrong, which is worth a look).
    static func isSoonAfter(_ soldAt: Timestamp, _ at: Timestamp, minutes: Int64) -> Bool {
        let (gap, overflow) = at.seconds.subtractingReportingOverflow(soldAt.seconds)
        return !overflow && gap <= soonAfterSaleSeconds(minutes: minutes)
    }

    static func product(_ values: Int64...) -> Int64 {
        values.reduce(1) { acc, v in
            let (p, overflow) = acc.multipliedReportingOverflow(by: v)
            return overflow ? ((acc < 0) != (v < 0) ? .min : .max) : p
        }
    }
}
