/// A refund that breaks the sale's ledger. The core plans refunds so that it never produces one;
/// the journal's append transaction refuses any record that does (a bug, a race, a hand-made row).
public enum LedgerViolation: Hashable, Sendable, Codable {
    case saleVoided
    case lineNotOnSale(lineNo: Int)
    case negativeAmount
    case quantityExceedsRemaining(lineNo: Int, asked: Quantity, remaining: Quantity)
    case lineAmountExceedsRemaining(lineNo: Int, asked: Money, remaining: Money)
    case lineTaxExceedsRemaining(lineNo: Int, asked: Money, remaining: Money)
    /// The tenders paid out do not add up to the refund's total.
    case tendersDoNotAddUp(tenders: Money, total: Money)
    /// More than the sale's tenders have left to give back.
    case exceedsPaid(asked: Money, remaining: Money)
    /// The refund that returns the last of a sale must give back exactly what is left of it.
    case lastRefundNotRemainder(paid: Money, remainder: Money)
    case approvedAmountDiffers(approved: Money, paid: Money)

    public var message: LocalizedText {
        func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
        switch self {
        case .saleVoided:
            return t("the sale was post-voided: all its money was already given back", "该销售已作废，款项已全部退还")
        case .lineNotOnSale(let lineNo):
            return t("line \(lineNo) is not a line of the sale", "第 \(lineNo) 行不是该销售的商品行")
        case .negativeAmount:
            return t("a quantity or amount is negative", "数量或金额为负")
        case .quantityExceedsRemaining(let lineNo, let asked, let remaining):
            return t("line \(lineNo): \(asked) returned but only \(remaining) is left",
                     "第 \(lineNo) 行：退回 \(asked)，但仅剩 \(remaining)")
        case .lineAmountExceedsRemaining(let lineNo, let asked, let remaining):
            return t("line \(lineNo): \(asked.plain) given back but only \(remaining.plain) of what was paid is left",
                     "第 \(lineNo) 行：退款 \(asked.plain)，但实付金额仅剩 \(remaining.plain)")
        case .lineTaxExceedsRemaining(let lineNo, let asked, let remaining):
            return t("line \(lineNo): tax \(asked.plain) given back but only \(remaining.plain) is left",
                     "第 \(lineNo) 行：退税 \(asked.plain)，但仅剩 \(remaining.plain)")
        case .tendersDoNotAddUp(let tenders, let total):
            return t("the tenders pay out \(tenders.plain) but the refund's total is \(total.plain)",
                     "退款方式合计 \(tenders.plain)，但退款总额为 \(total.plain)")
        case .exceedsPaid(let asked, let remaining):
            return t("\(asked.plain) more than the sale's tenders have left to give back (\(remaining.plain) left)",
                     "超出该销售各支付方式可退余额 \(asked.plain)（余额 \(remaining.plain)）")
        case .lastRefundNotRemainder(let paid, let remainder):
            return t("the last refund of the sale pays \(paid.plain) but exactly \(remainder.plain) is left",
                     "该销售的最后一笔退款为 \(paid.plain)，但剩余金额恰为 \(remainder.plain)")
        case .approvedAmountDiffers(let approved, let paid):
            return t("the supervisor approved \(approved.plain) but \(paid.plain) would be paid",
                     "主管批准的是 \(approved.plain)，但实际将退 \(paid.plain)")
        }
    }
}

extension RefundRecord {
    /// What every refund must satisfy on its own, with or without receipt: nothing negative, the
    /// tenders add up to the total, an approval covers exactly the amount paid.
    public var consistencyViolation: LedgerViolation? {
        if lines.contains(where: { $0.quantity.thousandths <= 0 || $0.amount.isNegative || $0.tax.isNegative })
            || tenders.contains(where: { $0.amount.isNegative }) || total.isNegative {
            return .negativeAmount
        }
        let paid = tenders.map(\.amount).sum(rounding.currency)
        if paid != total { return .tendersDoNotAddUp(tenders: paid, total: total) }
        if let approvedAmount, approvedAmount != total { return .approvedAmountDiffers(approved: approvedAmount, paid: total) }
        return nil
    }
}

extension ReturnableSale {
    /// The first way `refund` breaks this ledger, nil when it keeps every invariant: per line
    /// never more quantity, amount or tax than is left; per tender and in total never more than
    /// the sale's tenders have left; the refund returning the last of the sale returns exactly
    /// what is left of what was paid.
    public func violation(of refund: RefundRecord) -> LedgerViolation? {
        if voided { return .saleVoided }
        if let problem = refund.consistencyViolation { return problem }
        var asked: [Int: (quantity: Quantity, amount: Money, tax: Money)] = [:]
        for line in refund.lines {
            let sum = asked[line.originalLineNo] ?? (.zero, .zero(currency), .zero(currency))
            asked[line.originalLineNo] = (sum.quantity + line.quantity, sum.amount + line.amount, sum.tax + line.tax)
        }
        for (lineNo, part) in asked.sorted(by: { $0.key < $1.key }) {
            guard let returnable = line(lineNo) else { return .lineNotOnSale(lineNo: lineNo) }
            if part.quantity > returnable.remainingQuantity {
                return .quantityExceedsRemaining(lineNo: lineNo, asked: part.quantity, remaining: returnable.remainingQuantity)
            }
            if part.amount > returnable.remainingAmount {
                return .lineAmountExceedsRemaining(lineNo: lineNo, asked: part.amount, remaining: returnable.remainingAmount)
            }
            if part.tax > returnable.remainingTax {
                return .lineTaxExceedsRemaining(lineNo: lineNo, asked: part.tax, remaining: returnable.remainingTax)
            }
        }
        let covered = draws(for: refund.tenders)
        if covered.uncovered.isPositive { return .exceedsPaid(asked: covered.uncovered, remaining: remainingTotal) }
        if isFinal(asked.mapValues(\.quantity)), refund.total != remainingTotal {
            return .lastRefundNotRemainder(paid: refund.total, remainder: remainingTotal)
        }
        return nil
    }
}
