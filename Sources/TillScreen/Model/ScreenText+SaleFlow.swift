import TillCore

extension ScreenText {
    static let confirmCancelSale = t("Cancel this sale? Its lines will be lost (the journal keeps a record).",
                                     "取消这笔销售？商品行将丢失（日志会留下记录）。")
    static let confirmQuit = t("Quit the till? The open sale is parked first: RECALL takes it back after a restart.",
                               "退出收银程序？未完成的销售会先挂起：重启后可用取单取回。")
    static let confirmQuitOther = t("Quit the till? What is open now is cancelled (no money has moved).",
                                    "退出收银程序？当前未完成的操作将取消（未涉及款项）。")
    static let confirmHow = t("Enter: yes    Esc: no, go back", "回车：是    Esc：否，返回")
    static let nothingChanged = t("Nothing changed.", "未作更改。")
    static let nothingParked = t("No sale is parked on this till.", "本机没有挂起的销售。")
    static let parkedTitle = t("Parked sales: ↑↓ and Enter (or type the number) to recall, Esc to close",
                               "挂起的销售：↑↓ 选择后回车（或输入序号）取回，Esc 关闭")
    static let searchHelp = t("↑↓ and Enter (or type the number) to add; a quantity first with QTY; Esc closes",
                              "↑↓ 选择后回车（或输入序号）加入；先输数量再按数量键；Esc 关闭")

    static func searchTitle(_ query: String, _ count: Int) -> LocalizedText {
        t("Items matching \"\(query)\" (\(count)):", "与 “\(query)” 匹配的商品（\(count) 个）：")
    }

    static func parked(_ reference: String, lines: Int, total: Money, recallKey: String) -> LocalizedText {
        t("Sale parked as \(reference) (\(lines) line\(lines == 1 ? "" : "s"), \(total.formatted)). \(recallKey) RECALL takes it back.",
          "销售已挂起为 \(reference)（\(lines) 行，\(total.formatted)）。按 \(recallKey) 取单可取回。")
    }

    static func recalled(_ reference: String) -> LocalizedText {
        t("Parked sale \(reference) recalled: go on with the sale.", "已取回挂起的销售 \(reference)，请继续。")
    }

    static func tenderRemoved(_ tender: Tender, due: Money) -> LocalizedText {
        switch tender.kind {
        case .card:
            let ref = tender.reference.map { " (approval \($0))" } ?? ""
            let refZh = tender.reference.map { "（授权码 \($0)）" } ?? ""
            return t("Card \(tender.amount.formatted)\(ref) removed from the sale: REVERSE IT ON THE CARD TERMINAL now. Still due \(due.formatted).",
                     "已从销售中撤销银行卡付款 \(tender.amount.formatted)\(refZh)：请立即在刷卡机上撤销该笔交易。尚欠 \(due.formatted)。")
        case .cash:
            return t("Cash \(tender.amount.formatted) removed: give it back to the customer. Still due \(due.formatted).",
                     "已撤销现金付款 \(tender.amount.formatted)：请将现金退还顾客。尚欠 \(due.formatted)。")
        case .storeCredit:
            return t("Store credit \(tender.amount.formatted) removed. Still due \(due.formatted).",
                     "已撤销储值付款 \(tender.amount.formatted)。尚欠 \(due.formatted)。")
        }
    }
}
