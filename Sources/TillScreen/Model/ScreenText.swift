import TillCore

/// Every string the screen shows that is not the core's: both languages side by side, so none
/// can exist in one only.
func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }

enum ScreenText {
    static let signInTitle = t("Sign in", "登录")
    static let signInHelp = t("Type your user code and press Enter, then your PIN and Enter.",
                              "输入工号后按回车，再输入密码后按回车。")
    static let userCode = t("User code: ", "工号：")
    static let pin = t("PIN: ", "密码：")
    static let supervisorCode = t("Supervisor code: ", "主管工号：")
    static let supervisorPIN = t("Supervisor PIN: ", "主管密码：")
    static let cardReference = t("Card approval code (from the terminal): ", "银行卡授权码（见刷卡机）：")
    static let inputPrompt = t("> ", "> ")
    static let slipsGoTo = t("Printed slips go to: ", "打印的小票保存在：")
    static let idleHelp = t("Scan or type an item code, then Enter. Quantity first: type 2, press QTY, then scan (or type 2*CODE).",
                            "扫描或输入商品码后按回车。先输数量：输入 2，按数量键，再扫描（或输入 2*商品码）。")
    static let sale = t("SALE", "销售")
    static let payment = t("PAYMENT", "付款")
    static let ready = t("READY", "就绪")
    static let refund = t("REFUND", "退款")
    static let blindReturn = t("RETURN WITHOUT RECEIPT", "无收据退货")
    static let postVoid = t("POST-VOID", "作废交易")
    static let findRefund = t("Refund: scan the receipt barcode or type its number (S01-000123), then Enter.",
                              "退款：扫描收据条码或输入收据号（如 S01-000123）后按回车。")
    static let findVoid = t("Post-void: scan the receipt barcode or type its number, then Enter.",
                            "作废：扫描收据条码或输入收据号后按回车。")
    static let colItem = t("Item", "商品")
    static let colQty = t("Qty", "数量")
    static let colPrice = t("Price", "单价")
    static let colAmount = t("Amount", "金额")
    static let colSold = t("Sold", "已售")
    static let colLeft = t("Returnable", "可退")
    static let colRefund = t("Refund", "退货")
    static let subtotal = t("Subtotal", "小计")
    static let tax = t("Tax", "税额")
    static let total = t("TOTAL", "合计")
    static let paid = t("Paid", "已付")
    static let due = t("Due", "应付")
    static let change = t("CHANGE", "找零")
    static let voided = t("VOID", "已删")
    static let refundTotal = t("Refund total", "退款合计")
    static let linesHelp = t("↑↓ pick a line, type the quantity and press QTY (or scan the item); Enter: next",
                             "↑↓ 选择行，输入数量后按数量键（或扫描商品）；回车：下一步")
    static let blindHelp = t("Scan or type each item returned; Enter on an empty line: next",
                             "逐件扫描或输入退回的商品；空行回车：下一步")
    static let voidHelp = t("Enter: choose the reason", "回车：选择原因")
    static let chooseReason = t("Reason (↑↓ or its number, then Enter):", "原因（↑↓ 或输入序号，再按回车）：")
    static let chooseTender = t("Refund to (↑↓ or its number, then Enter):", "退款方式（↑↓ 或输入序号，再按回车）：")
    static let originalTender = t("original tender", "原支付方式")
    static let confirmRefund = t("Enter: confirm the refund · Esc: back", "回车：确认退款 · Esc：返回")
    static let confirmVoid = t("Enter: confirm the post-void · Esc: back", "回车：确认作废 · Esc：返回")
    static let approvalTitle = t("SUPERVISOR APPROVAL NEEDED", "需要主管审批")
    static let approvalAmount = t("Amount to approve", "审批金额")
    static let approvalHelp = t("Supervisor: type your code, Enter, then your PIN, Enter. Esc cancels.",
                                "主管：输入工号后回车，再输入密码后回车。Esc 取消。")
    static let reportHelp = t("↑↓ scroll · Esc or Enter closes", "↑↓ 滚动 · Esc 或回车关闭")
    static let slipPrinted = t("slip printed", "小票已打印")
    static let giveBack = t("Give back", "退还")
    static let waitingForSlip = t("recorded — the slip has NOT printed yet (see below)", "已记录——小票尚未打印（见下方）")
    static let scannerKeyboard = t("scanner: keyboard", "扫描枪：键盘")
    static let training = t("TRAINING", "培训模式")
    static let till = t("Till", "收银台")
    static let shift = t("Shift", "班次")
    static let noShift = t("no shift", "未开班")
    static let notSignedIn = t("not signed in", "未登录")
    static let printerNoStatus = t("printer: no status", "打印机：无状态")
    static let tooSmall = t("Make the window at least 80×24.", "请将窗口调整到至少 80×24。")
    static let cancelled = t("Cancelled.", "已取消。")
    static let drawerOpened = t("Drawer opened.", "钱箱已打开。")
    static func noReceiptOn(reprintKey: String) -> LocalizedText {
        t("NO RECEIPT: this sale's receipt is kept, not printed (REPRINT \(reprintKey) prints it later).",
          "不要小票：本笔销售的小票只保存不打印（之后可按重印 \(reprintKey) 打印）。")
    }
    static func receiptNotPrinted(reprintKey: String) -> LocalizedText {
        t("No receipt printed (NO RECEIPT); REPRINT \(reprintKey) prints it.", "未打印小票（不要小票）；按重印 \(reprintKey) 可打印。")
    }
    static let noReceiptOff = t("The receipt will print after all.", "小票将照常打印。")
    static let reprintWhich = t("Type the slip number (e.g. S01-000006), then press REPRINT.", "输入小票号（如 S01-000006）后按重印键。")
    static let more = t("more", "更多")
    static let noSale = t("No sale in progress: scan an item first.", "当前没有销售：请先扫描商品。")
    static func subtotalNow(_ total: Money, due: Money) -> LocalizedText {
        t("Subtotal \(total.formatted) · due \(due.formatted)", "小计 \(total.formatted) · 应付 \(due.formatted)")
    }
    static let priceCheckHow = t("Type or scan the item's code, then press PRICE?.", "输入或扫描商品码，再按查价键。")
    static func priceOf(_ name: String, _ price: Money) -> LocalizedText {
        t("Price of \(name): \(price.formatted) (not sold).", "\(name) 的价格：\(price.formatted)（未销售）。")
    }
    static func catalogUnreadable(_ why: String) -> LocalizedText { t("Cannot read the catalog: \(why).", "无法读取商品目录：\(why)。") }
    static let catalogUnreadableFix = t("Check the journal (`till journal verify`); the sale itself is not affected.",
                                        "请检查日志（`till journal verify`）；当前销售不受影响。")
    static let displayOnline = t("display", "客显")
    static let displayOffline = t("DISPLAY OFFLINE", "客显离线")
    static let keypadTitle = t("KEYPAD", "键盘")
    static let customerSees = t("Customer display", "客显")

    static func welcome(_ name: String) -> LocalizedText { t("Signed in: \(name).", "已登录：\(name)。") }
    static let signedOut = t("Signed out.", "已退出登录。")
    static func shiftOpened(_ n: Int64) -> LocalizedText { t("Shift \(n) opened.", "班次 \(n) 已开启。") }
    static func tenderTaken(_ kind: TenderKind, _ amount: Money, due: Money) -> LocalizedText {
        t("\(kind.label.en) \(amount.formatted) taken; \(due.formatted) still due.",
          "已收\(kind.label.zh) \(amount.formatted)，尚欠 \(due.formatted)。")
    }
    static func approved(by code: String) -> LocalizedText { t("Approved by \(code).", "已由 \(code) 审批。") }
    static func voidDone(_ number: String, _ total: Money) -> LocalizedText {
        t("Post-void \(number) done: \(total.formatted).", "作废 \(number) 完成：\(total.formatted)。")
    }
    static func reprinted(_ reference: String) -> LocalizedText { t("Slip \(reference) printed.", "小票 \(reference) 已打印。") }
    static func saleDone(_ receipt: String, total: Money) -> LocalizedText {
        t("Sale \(receipt) · total \(total.formatted)", "销售 \(receipt) · 合计 \(total.formatted)")
    }
    static func refundDone(_ number: String) -> LocalizedText { t("Refund \(number) done", "退款 \(number) 完成") }
    static func refundOf(_ receipt: String, soldOn: String, paidBy: String) -> LocalizedText {
        t("Refund of \(receipt) · sold \(soldOn) · paid by \(paidBy)", "退款：\(receipt) · 售于 \(soldOn) · 支付方式 \(paidBy)")
    }
    static func voidOf(_ receipt: String, total: Money) -> LocalizedText {
        t("Void sale \(receipt) · total \(total.formatted)", "作废销售 \(receipt) · 合计 \(total.formatted)")
    }
    static func refundAmount(_ amount: Money, to tender: LocalizedText) -> LocalizedText {
        t("Refund \(amount.formatted) to \(tender.en)", "退款 \(amount.formatted) 至\(tender.zh)")
    }

    /// "Refund R01-000123 recorded, slip NOT printed: paper out — load paper. Then press REPRINT (F10)."
    static let customerReference = t("Customer's name or phone number, then Enter:", "请输入顾客姓名或电话，然后按回车：")

    static func notPrinted(_ reference: String, cause: PrintFailure, reprintKey: String) -> LocalizedText {
        let kind = documentKind(reference)
        return t("\(kind.en) \(reference) recorded, slip NOT printed: \(cause.text.en). Fix the printer, then press REPRINT (\(reprintKey)).",
                 "\(kind.zh) \(reference) 已记录，小票未打印：\(cause.text.zh)。请处理打印机后按重印（\(reprintKey)）。")
    }

    static func documentKind(_ reference: String) -> LocalizedText {
        switch DocumentNumber(parsing: reference)?.kind {
        case .sale?: return t("Sale", "销售")
        case .refund?: return t("Refund", "退款")
        case .postVoid?: return t("Post-void", "作废")
        case .zReport?: return t("Z report", "Z 报表")
        default: return t("Slip", "小票")
        }
    }
}
