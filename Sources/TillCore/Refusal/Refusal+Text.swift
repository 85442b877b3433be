extension Refusal: Problem {
    /// What is wrong.
    public var message: LocalizedText { texts.message }

    /// What to do about it.
    public var remedy: LocalizedText { texts.remedy }

    private var texts: (message: LocalizedText, remedy: LocalizedText) {
        switch self {
        case .receiptNotFound(let ref):
            return (t("No sale with receipt \(ref) is in the journal.", "日志中没有收据号为 \(ref) 的销售。"),
                    t("Check the number on the receipt and type it again, or use a return without receipt.",
                      "请核对收据上的号码重新输入，或按无收据退货处理。"))
        case .receiptCodeUnreadable(let code) where code.count != ReceiptCode.length && code.count != ReceiptCode.legacyLength:
            return (t("The receipt barcode \(code) did not read correctly (it has \(code.count) digits; a receipt barcode has \(ReceiptCode.length), \(ReceiptCode.legacyLength) on older receipts).",
                      "收据条码 \(code) 读取有误（共 \(code.count) 位数字，收据条码应为 \(ReceiptCode.length) 位，旧收据为 \(ReceiptCode.legacyLength) 位）。"),
                    t("Scan it again, or type the receipt number printed under the barcode.",
                      "请重新扫描，或输入条码下方印的收据号。"))
        case .receiptCodeUnreadable(let code):
            return (t("The receipt barcode \(code) did not read correctly (its check digits are wrong).",
                      "收据条码 \(code) 读取有误（校验位错误）。"),
                    t("Scan it again, or type the receipt number printed under the barcode.",
                      "请重新扫描，或输入条码下方印的收据号。"))
        case .unknownItem(let code):
            return (t("No item with barcode or SKU \(code) is in the catalog.", "商品目录中没有条码或货号为 \(code) 的商品。"),
                    t("Check the code, or look the item up by SKU.", "请核对编码，或按货号查找商品。"))
        case .itemNoLongerSold(let code, let w):
            let named = code == w.sku ? "\(w.sku) (\(w.name))" : "\(code) (\(w.sku) \(w.name))"
            return (t("Item \(named) is no longer sold (removed from the catalog by \(w.by) in revision \(w.revision)).",
                      "商品 \(named) 已停售（由 \(w.by) 在第 \(w.revision) 版目录中移除）。"),
                    t("Put it aside and do not sell it; if it should still be sold, the back office publishes it again (`till central publish`).",
                      "请将其放在一边，不要出售；如仍需出售，请后台重新发布目录（`till central publish`）。"))
        case .barcodeCheckDigitWrong(let code, let expected, let found):
            return (t("Barcode \(code) is damaged: its check digit is \(found) but should be \(expected).",
                      "条码 \(code) 已损坏：校验位为 \(found)，应为 \(expected)。"),
                    t("Type the number printed under the barcode, or scan a clean label.",
                      "请输入条码下方的数字，或扫描完好的标签。"))
        case .lineNotFound(let line):
            return (t("There is no line \(line).", "没有第 \(line) 行。"),
                    t("Choose a line number shown on the screen.", "请选择屏幕上显示的行号。"))
        case .itemNotOnReceipt(let item, let receipt):
            return (t("\(item) is not on receipt \(receipt).", "\(item) 不在收据 \(receipt) 上。"),
                    t("Check you have the right receipt; without it, use a return without receipt.",
                      "请确认收据是否正确；如无收据，请按无收据退货处理。"))
        case .quantityExceedsReturnable(let item, _, let remaining) where !remaining.isPositive:
            return (t("\(item) on this receipt was already refunded in full by earlier refunds.",
                      "此收据上的 \(item) 已在之前的退款中全部退回。"),
                    t("Choose another line; the earlier refund is in the journal.", "请选择其他商品行；之前的退款记录在日志中。"))
        case .quantityExceedsReturnable(let item, let asked, let remaining):
            return (t("Cannot return \(asked) of \(item): only \(remaining) can still be returned on this receipt.",
                      "无法退回 \(asked) 件 \(item)：此收据上仅剩 \(remaining) 件可退。"),
                    t("Enter \(remaining) or less; the rest was already refunded.", "请输入 \(remaining) 或更少；其余已退款。"))
        case .alreadyFullyRefunded(let receipt):
            return (t("Everything on receipt \(receipt) has already been refunded.", "收据 \(receipt) 上的商品已全部退款。"),
                    t("Nothing more can be refunded on it; show the customer the earlier refund in the journal.",
                      "该收据不能再退款；可在日志中向顾客出示之前的退款记录。"))
        case .windowExpired(let soldOn, let daysAgo, let windowDays):
            return (t("Sold on \(soldOn.text), \(daysAgo) days ago: past the \(windowDays)-day refund window.",
                      "售于 \(soldOn.text)，已过 \(daysAgo) 天，超过 \(windowDays) 天的退款期限。"),
                    t("A supervisor may offer an exchange or store credit outside the till's refund rules.",
                      "可请主管按店规提供换货或储值。"))
        case .itemNotReturnable(let item):
            return (t("\(item) is marked as not returnable.", "\(item) 为不可退货商品。"),
                    t("Explain the shop's policy to the customer; a supervisor decides exceptions.",
                      "请向顾客说明本店政策；例外情况由主管决定。"))
        case .saleWasVoided(let receipt):
            return (t("Sale \(receipt) was voided: its money was already given back.", "销售 \(receipt) 已作废，款项已退还。"),
                    t("Nothing can be refunded on it.", "该销售不能退款。"))
        case .nothingSelected:
            return (t("No item is chosen for the refund.", "尚未选择要退的商品。"),
                    t("Choose at least one line and its quantity.", "请至少选择一行并输入数量。"))
        case .reasonRequired:
            return (t("A reason is required.", "必须选择原因。"),
                    t("Choose the reason from the list.", "请从列表中选择原因。"))
        case .unknownReason(let code, let known):
            let list = known.joined(separator: ", ")
            return (t("\(code) is not a reason.", "\(code) 不是有效的原因。"),
                    t("Choose one of: \(list).", "请从以下选择：\(list)。"))
        case .customerReferenceRequired:
            return (t("A customer reference is required for a return without receipt.", "无收据退货需要填写顾客信息。"),
                    t("Enter the customer's name or phone number.", "请输入顾客姓名或电话。"))
        case .blindReturnsDisabled:
            return (t("Returns without a receipt are switched off in this shop.", "本店未开通无收据退货。"),
                    t("Ask the customer for the receipt or refer them to a supervisor.", "请向顾客索取收据，或请主管处理。"))
        case .overLimit(let limit, let limitAmount, let amount):
            return (t("\(amount.formatted) is over the \(limit.label.en) of \(limitAmount.formatted).",
                      "\(amount.formatted) 超过\(limit.label.zh) \(limitAmount.formatted)。"),
                    limit == .blindReturnMaximum
                    ? t("Reduce the items returned, or refer the customer to the manager.", "请减少退货商品，或请经理处理。")
                    : t("A supervisor must approve: ask one to enter their code and PIN.", "需主管批准：请主管输入工号和密码。"))
        case .tenderNotAllowed(let tender, let rule):
            return (t("Refund to \(tender.label.en) is not allowed: \(rule.label.en).",
                      "不允许退款至\(tender.label.zh)：\(rule.label.zh)。"),
                    t("Choose the original tender or store credit.", "请选择原支付方式或储值。"))
        case .tenderSubstitutionRefused(let paid, let refunded, let otherCard, let amount, let available):
            if otherCard {
                return (t("\(amount.plain) was paid with another card: the policy does not refund it to a different card.",
                          "\(amount.plain) 是用另一张卡支付的：本店政策不允许退到其他卡上。"),
                        t("Refund to the card it was paid with (choose the original tender).", "请退回原支付卡（选择原支付方式）。"))
            }
            return (t("\(amount.plain) of this sale was paid by \(paid.label.en); the policy does not refund \(paid.label.en) to \(refunded.label.en). \(refunded.label.en.capitalizedFirst) can take back at most \(available.plain).",
                      "该销售中 \(amount.plain) 以\(paid.label.zh)支付；本店政策不允许将\(paid.label.zh)退至\(refunded.label.zh)。\(refunded.label.zh)最多可退 \(available.plain)。"),
                    t("Choose the original tender: each part goes back to the tender that paid it.",
                      "请选择原支付方式：各部分退回原支付方式。"))
        case .refundOutsideLedger(let violation):
            return (t("This refund was stopped before anything was paid: \(violation.message.en).",
                      "此退款在付款前被拦截：\(violation.message.zh)。"),
                    t("Cancel and start the refund again; if it happens again, report it to the shop's support.",
                      "请取消后重新办理退款；如再次出现，请联系技术支持。"))
        case .tenderExceedsDue(let tender, let amount, let due):
            return (t("\(tender.label.en) of \(amount.formatted) is more than the \(due.formatted) due.",
                      "\(tender.label.zh) \(amount.formatted) 超过应付金额 \(due.formatted)。"),
                    t("Only cash can be over the amount due (change is given). Enter \(due.plain) or less.",
                      "只有现金可以超过应付金额（找零）。请输入 \(due.plain) 或更少。"))
        case .cardReferenceRequired:
            return (t("A card payment needs the approval reference from the card terminal.", "刷卡付款需要填写刷卡机的授权号。"),
                    t("Type the reference printed on the terminal's slip.", "请输入刷卡机小票上的授权号。"))
        case .amountInvalid(let text):
            return (t("\"\(text)\" is not an amount.", "“\(text)” 不是有效金额。"),
                    t("Type digits with at most two decimals, e.g. 12.50.", "请输入数字，最多两位小数，例如 12.50。"))
        case .quantityInvalid(let text):
            return (t("\"\(text)\" is not a quantity (more than zero, at most three decimals).", "“\(text)” 不是有效数量（须大于零，最多三位小数）。"),
                    t("Type the quantity again, e.g. 2 or 0.5.", "请重新输入数量，例如 2 或 0.5。"))
        case .fractionalQuantityNotAllowed(let item):
            return (t("\(item) is sold by the piece: the quantity must be whole.", "\(item) 按件销售，数量必须为整数。"),
                    t("Type a whole number.", "请输入整数。"))
        case .weightRequired(let item):
            return (t("\(item) is sold by weight: its weight is needed.", "\(item) 按重量销售，需要输入重量。"),
                    t("Weigh it, or type the weight in kg (e.g. 0.350) before scanning.", "请称重，或在扫描前输入重量（千克，例如 0.350）。"))
        case .discountTooLarge(let line, let discount, let amount):
            return (t("A discount of \(discount.formatted) is more than line \(line)'s \(amount.formatted).",
                      "折扣 \(discount.formatted) 超过第 \(line) 行金额 \(amount.formatted)。"),
                    t("Enter a smaller discount, or void the line.", "请输入较小的折扣，或删除该行。"))
        case .supervisorRequired(let reason):
            return (t("A supervisor must approve: \(reason.label.en).", "需主管批准：\(reason.label.zh)。"),
                    t("Ask a supervisor to enter their code and PIN, or cancel.", "请主管输入工号和密码，或取消。"))
        case .notPermitted(let role, let permission):
            return (t("A \(role.label.en) may not \(permission.label.en).", "\(role.label.zh)无权\(permission.label.zh)。"),
                    t("Ask someone with that right (a supervisor) to do it.", "请有权限的人员（主管）操作。"))
        case .approverNotPermitted(let user, let role):
            return (t("\(user) (\(role.label.en)) cannot approve.", "\(user)（\(role.label.zh)）无审批权限。"),
                    t("A supervisor or admin must enter their code and PIN.", "须由主管或管理员输入工号和密码。"))
        case .approverLacksPermission(let user, let role, let permission):
            return (t("\(user) (\(role.label.en)) may not \(permission.label.en), so cannot approve it.",
                      "\(user)（\(role.label.zh)）无权\(permission.label.zh)，因此不能批准。"),
                    t("Someone whose role may \(permission.label.en) and approve must enter their code and PIN.",
                      "须由有权\(permission.label.zh)并有审批权限的人员输入工号和密码。"))
        case .wrongPIN(let left):
            let attempts = left == 1 ? "1 attempt left" : "\(left) attempts left"
            return (t("User code or PIN not recognised. \(attempts) before lock-out.",
                      "工号或密码错误。再错 \(left) 次将被锁定。"),
                    t("Type the code and PIN again; a supervisor can reset a forgotten PIN.", "请重新输入工号和密码；忘记密码可请主管重置。"))
        case .lockedOut(let until, let secondsLeft, let offset):
            let minutes = (secondsLeft + 59) / 60
            let zone = UTCOffsetText.format(offset)
            return (t("Locked after too many wrong PINs, for \(minutes) more min (until \(until.localText(utcOffsetSeconds: offset)) \(zone)).",
                      "密码错误次数过多已锁定，还需 \(minutes) 分钟（至 \(until.localText(utcOffsetSeconds: offset)) \(zone)）。"),
                    t("Wait, or ask an admin to unlock the user.", "请等待，或请管理员解锁。"))
        case .notSignedIn:
            return (t("Nobody is signed in.", "尚未登录。"), t("Sign in with your code and PIN.", "请输入工号和密码登录。"))
        case .noOpenShift:
            return (t("No shift is open on this till.", "本收银机没有开班。"), t("Open a shift first.", "请先开班。"))
        case .shiftAlreadyOpen(let number):
            return (t("Shift \(number) is already open.", "第 \(number) 班已开。"),
                    t("Close it with a Z report before opening another.", "请先打印 Z 报表结班。"))
        case .busy(let current):
            return (t("Finish or cancel the current \(current.label.en) first.", "请先完成或取消当前的\(current.label.zh)。"),
                    current == .payment
                    ? t("Take the rest of the payment, or remove the tenders taken (REMOVE TENDER).",
                        "请收齐余款，或撤销已收的付款（撤销付款）。")
                    : t("Complete it, or press Cancel.", "请完成，或按取消。"))
        case .nothingInProgress:
            return (t("There is nothing to do that to.", "当前没有可操作的交易。"),
                    t("Start a sale or a refund first.", "请先开始销售或退款。"))
        case .slipRequired:
            return (t("A refund, a return or a post-void always prints its slip: NO RECEIPT is only for a sale.",
                      "退款、退货和作废必须打印单据：“不要小票”只适用于销售。"),
                    t("Go on: give the customer the slip when it prints, or press Cancel.",
                      "请继续，单据打印后交给顾客；或按取消。"))
        case .postVoidNotAllowed(let receipt, let why):
            return (t("Sale \(receipt) cannot be voided: \(why.label.en).", "销售 \(receipt) 不能作废：\(why.label.zh)。"),
                    t("Use a refund with receipt instead.", "请改用凭收据退款。"))
        case .printerUnavailable(let cause):
            return (t("The printer is not ready: \(cause.text.en).", "打印机未就绪：\(cause.text.zh)。"),
                    t("Fix the printer (paper, cover, cable), then press REPRINT.", "请排除打印机故障（纸、盖、线），然后按重印。"))
        case .valueOutOfRange(let value, let text, let currency):
            let rule = value.rule(currency)
            return (t("\(text) is out of range: \(rule.en).", "\(text) 超出范围：\(rule.zh)。"),
                    t("Type a value within that range; split a larger sale or return into several.",
                      "请输入该范围内的数值；金额更大的交易请分成几笔。"))
        case .textNotAllowed(let field, let character):
            return (t("The \(field.label.en) contains the control character \(character), which the till does not store.",
                      "\(field.label.zh)中含有控制字符 \(character)，收银机不予保存。"),
                    t("Type it again with letters, digits and punctuation only (check the scanner's suffix setting).",
                      "请只用字母、数字和标点重新输入（并检查扫描枪的后缀设置）。"))
        case .creditNote(let problem):
            return (problem.message, problem.remedy)
        case .central(let problem):
            return (problem.message, problem.remedy)
        case .cashCountRequired(let expected):
            return (t("The Z report closes the shift only after the drawer is counted (expected \(expected.formatted)).",
                      "Z 报表须先清点钱箱才能结班（应有 \(expected.formatted)）。"),
                    t("Count the drawer and type the total (or the pieces per note and coin), then confirm; Esc keeps the shift open.",
                      "请清点钱箱并输入总额（或各面额张数），然后确认；按 Esc 保持班次。"))
        case .currencyMismatch(let expected, let found):
            return (t("This till works in \(expected), but the amount is in \(found).", "本收银机使用 \(expected)，但该金额为 \(found)。"),
                    t("Set till.currency to the currency the journal and catalog were written in, or import the catalog again in \(expected).",
                      "请将 till.currency 设为日志和商品目录所用的币种，或以 \(expected) 重新导入商品目录。"))
        case .saleFlow(let flow):
            return flow.texts
        case .cashCountInvalid(let problem):
            return Refusal.cashCountTexts(problem)
        case .parkedSalesOpen(let sales):
            return Refusal.parkedSalesTexts(sales)
        }
    }
}

private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }

extension LimitKind {
    public var label: LocalizedText {
        switch self {
        case .perRefund: return t("per-refund limit", "单笔退款限额")
        case .clerkPerShift: return t("clerk's per-shift refund limit", "收银员每班退款限额")
        case .blindReturnSupervisor: return t("no-receipt limit without supervisor", "无收据退货免审批限额")
        case .blindReturnMaximum: return t("no-receipt maximum", "无收据退货最高限额")
        case .priceOverride: return t("price change a clerk may make alone", "收银员可自行改价的限额")
        case .lineDiscount: return t("discount a clerk may give alone", "收银员可自行折扣的限额")
        }
    }
}

extension TenderRule {
    public var label: LocalizedText {
        switch self {
        case .blindReturnTenders: return t("not a tender allowed for returns without receipt", "无收据退货不允许此支付方式")
        }
    }
}

extension PostVoidBlock {
    public var label: LocalizedText {
        switch self {
        case .otherShift: return t("it belongs to another shift (a Z report closed it)", "属于其他班次（已结班）")
        case .alreadyVoided: return t("it is already voided", "已作废")
        case .hasRefunds: return t("items on it were already refunded", "其中商品已退款")
        case .training: return t("training sales are not in the real journal", "培训交易不在正式日志中")
        }
    }
}

extension ApprovalReason {
    public var label: LocalizedText {
        switch self {
        case .overLimit(let limit, let limitAmount, let amount):
            return t("\(amount.formatted) is over the \(limit.label.en) of \(limitAmount.formatted)",
                     "\(amount.formatted) 超过\(limit.label.zh) \(limitAmount.formatted)")
        case .tenderSubstitution(_, _, true): return t("refund to another card", "退到其他卡")
        case .tenderSubstitution(let paid, let refunded, _):
            return t("\(paid.label.en) paid, refunded as \(refunded.label.en)", "\(paid.label.zh)支付，退\(refunded.label.zh)")
        case .blindReturn: return t("return without receipt", "无收据退货")
        case .postVoid: return t("voiding a completed sale", "作废已完成的销售")
        case .priceOverride: return t("price override", "改价")
        case .lineDiscount: return t("line discount", "单品折扣")
        case .lackingPermission(let p): return t("the clerk may not \(p.label.en)", "收银员无权\(p.label.zh)")
        case .unverifiedRefund: return t("a refund the central journal cannot check now", "中央日志暂时无法核对的退款")
        }
    }
}

extension String {
    /// "Card" from "card": the first letter capitalised, for a tender starting a sentence.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Role {
    public var label: LocalizedText {
        switch self {
        case .clerk: return t("clerk", "收银员")
        case .supervisor: return t("supervisor", "主管")
        case .trainer: return t("trainer", "培训员")
        case .technician: return t("technician", "技术员")
        case .admin: return t("admin", "管理员")
        }
    }
}

extension Permission {
    public var label: LocalizedText {
        switch self {
        case .sell: return t("sell", "销售")
        case .voidLine: return t("void a line", "删除商品行")
        case .changeQuantity: return t("change a quantity", "修改数量")
        case .overridePrice: return t("override a price", "改价")
        case .discountLine: return t("give a line discount", "打折")
        case .postVoid: return t("void a completed sale", "作废已完成的销售")
        case .refundWithReceipt: return t("refund with receipt", "凭收据退款")
        case .blindReturn: return t("take a return without receipt", "办理无收据退货")
        case .approve: return t("approve", "审批")
        case .openDrawer: return t("open the cash drawer", "打开钱箱")
        case .reprint: return t("reprint a slip", "重印小票")
        case .xReport: return t("print an X report", "打印 X 报表")
        case .zReport: return t("print a Z report", "打印 Z 报表")
        case .manageShift: return t("open or close a shift", "开班或结班")
        case .manageUsers: return t("manage users", "管理用户")
        case .importCatalog: return t("import the catalog", "导入商品目录")
        case .runTraining: return t("run training", "开展培训")
        case .testHardware: return t("test hardware", "测试硬件")
        }
    }
}
