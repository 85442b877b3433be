import TillCore

/// Why a store refused to append a record: the money rules every engine re-checks in its own
/// write transaction (`AppendRules`). Engine-neutral, so SQLite and PostgreSQL refuse with the
/// same code and the same words; SQLite's `JournalError` has a case of the same name for each
/// (its codes are what the CLI and the journal's callers already know), and a test keeps the two
/// texts equal.
public enum AppendRefusal: Error, Hashable, Sendable {
    case documentNumberReused(reference: String)
    case saleTendersDoNotAddUp(receipt: String, total: Money, paid: Money)
    case originalSaleNotFound(document: String, receipt: String)
    case refundLineNotOnSale(refund: String, receipt: String, lineNo: Int)
    case refundExceedsSold(refund: String, receipt: String, lineNo: Int, sold: Quantity, alreadyRefunded: Quantity,
                           asked: Quantity)
    case refundOfVoidedSale(refund: String, receipt: String)
    case saleAlreadyVoided(receipt: String, voidNumber: String)
    case voidOfRefundedSale(void: String, receipt: String)
    case refundBreaksLedger(refund: String, receipt: String?, violation: LedgerViolation)
    case voidDiffersFromSale(void: String, receipt: String, paid: Money, voided: Money)
    case shiftAlreadyOpen(till: String, shift: Int64)
    case shiftAlreadyClosed(till: String, shift: Int64)
    /// A record whose amounts cannot be added without trapping (`JournalRecord.amountProblem`).
    case amountsUncountable(reference: String?, why: LocalizedText)
}

extension AppendRefusal: StoreFailure {
    /// The case's name (`refund_exceeds_sold`), as `JournalError`'s.
    public var code: String { ProblemCode.caseName(of: self) }

    public var message: LocalizedText {
        switch self {
        case .documentNumberReused(let reference):
            return t("Document number \(reference) is already in the journal.", "单据号 \(reference) 已在日志中。")
        case .saleTendersDoNotAddUp(let receipt, let total, let paid):
            return t("Sale \(receipt) totals \(total.formatted) but its tenders settle \(paid.formatted).",
                     "销售 \(receipt) 合计 \(total.formatted)，但其付款合计 \(paid.formatted)。")
        case .originalSaleNotFound(let document, let receipt):
            return t("\(document) refers to sale \(receipt), which is not in the journal.", "\(document) 引用的销售 \(receipt) 不在日志中。")
        case .refundLineNotOnSale(let refund, let receipt, let lineNo):
            return t("Refund \(refund) returns line \(lineNo) of \(receipt), but that sale has no such line.",
                     "退款 \(refund) 退回 \(receipt) 的第 \(lineNo) 行，但该销售没有这一行。")
        case .refundExceedsSold(let refund, let receipt, let lineNo, let sold, let already, let asked):
            return t("Refund \(refund) would return \(asked) of line \(lineNo) of \(receipt): \(sold) were sold and \(already) already refunded.",
                     "退款 \(refund) 要退回 \(receipt) 第 \(lineNo) 行的 \(asked)：售出 \(sold)，已退 \(already)。")
        case .refundOfVoidedSale(let refund, let receipt):
            return t("Refund \(refund) is for sale \(receipt), which was voided.", "退款 \(refund) 针对的销售 \(receipt) 已作废。")
        case .saleAlreadyVoided(let receipt, let voidNumber):
            return t("Sale \(receipt) was already voided by \(voidNumber).", "销售 \(receipt) 已被 \(voidNumber) 作废。")
        case .voidOfRefundedSale(let void, let receipt):
            return t("Void \(void) is for sale \(receipt), which already has refunds.", "作废单 \(void) 针对的销售 \(receipt) 已有退款。")
        case .refundBreaksLedger(let refund, let receipt, let violation):
            let sale = receipt.map { " of sale \($0)" } ?? ""
            let saleZh = receipt.map { "（销售 \($0)）" } ?? ""
            return t("Refund \(refund)\(sale) was not recorded: \(violation.message.en).",
                     "退款 \(refund)\(saleZh)未记录：\(violation.message.zh)。")
        case .voidDiffersFromSale(let void, let receipt, let paid, let voided):
            return t("Void \(void) gives back \(voided.plain) but sale \(receipt) took \(paid.plain) in other tenders.",
                     "作废单 \(void) 退还 \(voided.plain)，但销售 \(receipt) 的收款为 \(paid.plain)（支付方式不一致）。")
        case .shiftAlreadyOpen(let till, let shift):
            return t("Till \(till) already has shift \(shift) open.", "收银台 \(till) 已有未结班次 \(shift)。")
        case .shiftAlreadyClosed(let till, let shift):
            return t("Shift \(shift) on till \(till) is already closed by a Z report.", "收银台 \(till) 的班次 \(shift) 已由 Z 报表结束。")
        case .amountsUncountable(let reference, let why):
            return t("\(reference ?? "The record") was not recorded: \(why.en).", "\(reference ?? "该记录") 未记录：\(why.zh)。")
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .documentNumberReused:
            return t("Restart the till so it reloads its document numbers from the journal.", "请重启收银台，使其从日志重新读取单据号。")
        case .saleTendersDoNotAddUp:
            return t("Nothing was recorded. Remove the tenders and take the payment again; if it happens again, report it to support.",
                     "未记录任何交易。请撤销付款后重新收款；如再次发生，请联系技术支持。")
        case .originalSaleNotFound, .refundLineNotOnSale:
            return t("Look the sale up again, or use a return without receipt.", "请重新查找该销售，或按无收据退货处理。")
        case .refundExceedsSold:
            return t("Refund at most what is left on the line; the rest was already refunded.", "最多只能退该行剩余的数量；其余已退款。")
        case .refundOfVoidedSale, .saleAlreadyVoided:
            return t("Nothing more can be given back for this sale; show the customer the void in the journal.",
                     "此销售不能再退款；请向顾客出示日志中的作废记录。")
        case .refundBreaksLedger:
            return t("Nothing was paid out. Start the refund again from the receipt; if it is refused again, report it to support.",
                     "未付出任何款项。请凭收据重新办理退款；如仍被拒绝，请联系技术支持。")
        case .voidDiffersFromSale:
            return t("Nothing was voided. Start the post-void again from the receipt.", "未作废任何交易。请凭收据重新作废。")
        case .voidOfRefundedSale:
            return t("Refund the remaining lines instead of voiding the sale.", "请改为退回剩余的商品行，而不是作废销售。")
        case .shiftAlreadyOpen:
            return t("Close the open shift with a Z report first.", "请先用 Z 报表结束当前班次。")
        case .shiftAlreadyClosed:
            return t("Open a new shift.", "请开始新的班次。")
        case .amountsUncountable:
            return t("Nothing was recorded. The till's own records never look like this: report it to support with the document number.",
                     "未记录任何内容。收银台自身的记录不会如此：请将单据号报告技术支持。")
        }
    }
}

private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
