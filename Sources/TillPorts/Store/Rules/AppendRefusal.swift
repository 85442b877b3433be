import TillCore

/// Why a store refused to append a record: the rules every engine re-checks in its own write
/// transaction (`AppendRules`). Engine-neutral, so SQLite and PostgreSQL refuse with the
/// same code and the same words; SQLite's journal carries it whole (`JournalError.refused`), its
/// code the case's name, as the CLI and the journal's callers have always known it.
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
    /// A sale, refund or post-void that would use a credit note wrongly (overdraw it, invent it, top up another sale's).
    case creditNoteRefused(document: String, problem: CreditNoteProblem)
    /// A sale line's price override or discount made by someone without the permission, or above
    /// the approval threshold with no one who may approve it.
    case priceChangeNotAuthorised(receipt: String, line: Int, permission: Permission, amount: Money, approver: String?)
    /// An X or Z report signed by someone who may not print it, with no valid approval.
    case reportNotAuthorised(report: String, signer: String, why: ReportAuthorityProblem)
    /// A recall of a parked sale that is not waiting (recalled already, perhaps by another session).
    case parkedSaleNotWaiting(reference: String)
    case parkNumberReused(reference: String)
    /// A free drawer open naming a refund that is not owed one.
    case drawerOpenNotOwed(refund: String, because: DrawerOpenProblem)
    /// A drawer open by someone without `openDrawer`, approved by no one who may approve it.
    case drawerOpenNotAuthorised(user: String, approver: String?)
    /// A reconciliation entry for a refund that is not an unverified refund of this journal, or
    /// that was reconciled already: once per refund.
    case reconciliationRefused(refund: String, alreadyReconciled: Bool)
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
        case .creditNoteRefused(let document, let problem):
            return t("\(document) was not recorded: " + problem.message.en, "\(document) 未记录：" + problem.message.zh)
        case .priceChangeNotAuthorised(let receipt, let line, let permission, let amount, let approver):
            let what = permission == .discountLine ? ("a discount of", "折扣") : ("a price change of", "改价")
            let by = approver.map { (" approved by \($0), who may not approve it", "，批准人 \($0) 无权批准") } ?? ("", "")
            return t("Sale \(receipt) line \(line) carries \(what.0) \(amount.formatted) that its clerk may not make alone\(by.0).",
                     "销售 \(receipt) 第 \(line) 行的\(what.1) \(amount.formatted) 超出收银员的权限\(by.1)。")
        case .reportNotAuthorised(let report, let signer, let why):
            return t("The \(report) report by \(signer) was not recorded: \(why.text.en).",
                     "\(signer) 的 \(report) 报表未记录：\(why.text.zh)。")
        case .parkedSaleNotWaiting(let reference):
            return t("Parked sale \(reference) is no longer waiting: it was recalled already (perhaps at another session).",
                     "挂起的销售 \(reference) 已不在等待中：它已被取回（可能在另一处）。")
        case .parkNumberReused(let reference):
            return t("Parked sale number \(reference) is already in the journal.", "挂起单号 \(reference) 已在日志中。")
        case .drawerOpenNotOwed(let refund, let because):
            return t("A free drawer open for refund \(refund) was refused: \(because.text.en).",
                     "退款 \(refund) 的免批准开钱箱被拒绝：\(because.text.zh)。")
        case .drawerOpenNotAuthorised(let user, let approver):
            let by = approver.map { (", and \($0) may not approve it", "，且 \($0) 无权批准") } ?? ("", "")
            return t("The drawer open by \(user) was not recorded: their role does not hold openDrawer\(by.0).",
                     "\(user) 的开钱箱未记录：其角色没有 openDrawer 权限\(by.1)。")
        case .reconciliationRefused(let refund, let already):
            return already
                ? t("Refund \(refund) was already reconciled with the central journal; it is not recorded twice.",
                    "退款 \(refund) 已与中央日志核对过，不会重复记录。")
                : t("Refund \(refund) is not an unverified refund of this journal, so there is nothing to reconcile.",
                    "退款 \(refund) 不是本日志中的未核实退款，无需核对。")
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
        case .creditNoteRefused(_, let problem):
            return problem.remedy
        case .priceChangeNotAuthorised:
            return t("Nothing was recorded. Have a supervisor approve the change with code and PIN (or remove it), then take the payment again.",
                     "未记录任何交易。请主管输入工号和密码批准该改动（或撤销它），然后重新收款。")
        case .reportNotAuthorised:
            return t("Print it as someone whose role holds the report's permission, or have a supervisor approve it at the till with code and PIN.",
                     "请由具有该报表权限的人员打印，或由主管在本机输入代码和 PIN 批准。")
        case .parkedSaleNotWaiting, .parkNumberReused:
            return t("Nothing was changed. Open the list of parked sales again (RECALL) and pick one that is waiting.",
                     "未作任何更改。请重新打开挂单列表（取单），选择仍在等待的销售。")
        case .drawerOpenNotOwed, .drawerOpenNotAuthorised:
            return t("Ask a supervisor to open the drawer (their code and PIN approve it).", "请主管开钱箱（输入其工号和密码批准）。")
        case .reconciliationRefused:
            return t("Nothing was changed. `till central conflicts` lists what reconciliation found.",
                     "未作任何更改。`till central conflicts` 列出核对发现的冲突。")
        }
    }
}

private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
