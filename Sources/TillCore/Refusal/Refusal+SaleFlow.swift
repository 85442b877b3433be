extension Refusal {
    /// The refusals of parking, cancelling, removing tenders and searching. A nested enum so
    /// its texts are one exhaustive switch: a new case cannot render blank.
    public enum SaleFlow: Hashable, Sendable, Codable {
        /// Cancel or quit while tenders are taken: remove them first, or complete the sale.
        case tendersTaken(count: Int)
        case nothingToPark
        case parkedSaleNotFound(reference: String, parked: [String])
        case noTenderToRemove
        case tenderNotFound(number: Int, count: Int)
        case searchTextRequired
        case noItemsMatch(query: String)
    }

    // The sale-flow refusals by their own names, as the core and tests write them.
    public static func tendersTaken(count: Int) -> Refusal { .saleFlow(.tendersTaken(count: count)) }
    public static var nothingToPark: Refusal { .saleFlow(.nothingToPark) }
    public static func parkedSaleNotFound(reference: String, parked: [String]) -> Refusal {
        .saleFlow(.parkedSaleNotFound(reference: reference, parked: parked))
    }
    public static var noTenderToRemove: Refusal { .saleFlow(.noTenderToRemove) }
    public static func tenderNotFound(number: Int, count: Int) -> Refusal { .saleFlow(.tenderNotFound(number: number, count: count)) }
    public static var searchTextRequired: Refusal { .saleFlow(.searchTextRequired) }
    public static func noItemsMatch(query: String) -> Refusal { .saleFlow(.noItemsMatch(query: query)) }
}

extension Refusal.SaleFlow {
    var code: String {
        switch self {
        case .tendersTaken: return "tenders_taken"
        case .nothingToPark: return "nothing_to_park"
        case .parkedSaleNotFound: return "parked_sale_not_found"
        case .noTenderToRemove: return "no_tender_to_remove"
        case .tenderNotFound: return "tender_not_found"
        case .searchTextRequired: return "search_text_required"
        case .noItemsMatch: return "no_items_match"
        }
    }

    var texts: (message: LocalizedText, remedy: LocalizedText) {
        func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
        switch self {
        case .tendersTaken(let count):
            return (t("\(count) tender\(count == 1 ? " is" : "s are") already taken on this sale, so it cannot be dropped.",
                      "本笔销售已收款 \(count) 笔，不能直接放弃。"),
                    t("Take the rest of the payment, or remove the tenders first (REMOVE TENDER, ^U).",
                      "请收齐余款，或先撤销已收款项（撤销付款，^U）。"))
        case .nothingToPark:
            return (t("There is no open sale with items to park.", "没有可挂起的销售（尚无商品）。"),
                    t("Scan the customer's items first; RECALL (^E) takes back a parked sale.",
                      "请先扫描商品；取单（^E）可取回已挂起的销售。"))
        case .parkedSaleNotFound(let reference, let parked):
            let list = parked.isEmpty ? t("none is parked on this till", "本机没有挂起的销售")
                : t("parked here: " + parked.joined(separator: ", "), "本机挂起的有：" + parked.joined(separator: "、"))
            return (t("No parked sale \(reference) is waiting on this till (it may have been recalled already).",
                      "本机没有待取的挂起销售 \(reference)（可能已被取回）。"),
                    t("Pick one from the list (\(list.en)).", "请从列表中选择（\(list.zh)）。"))
        case .noTenderToRemove:
            return (t("No tender has been taken on this sale.", "本笔销售尚未收款。"),
                    t("Nothing to remove: press Cancel to drop the sale, or take payment.", "无可撤销的付款：按取消放弃销售，或收款。"))
        case .tenderNotFound(let number, let count):
            return (t("There is no tender \(number) on this sale (tenders taken: \(count)).",
                      "本笔销售没有第 \(number) 笔付款（已收 \(count) 笔）。"),
                    t("Type the tender's number from 1 to \(count), then REMOVE TENDER; nothing typed removes the last.",
                      "请输入 1 到 \(count) 的付款序号再按撤销付款；不输入则撤销最后一笔。"))
        case .searchTextRequired:
            return (t("Type part of the item's name or SKU to search for.", "请输入要查找的商品名称或货号的一部分。"),
                    t("For example \"tea\" or \"茶\", then press SEARCH (^F).", "例如 “tea” 或 “茶”，然后按查找（^F）。"))
        case .noItemsMatch(let query):
            return (t("No item's name or SKU contains \"\(query)\".", "没有名称或货号包含 “\(query)” 的商品。"),
                    t("Type less of the name, or another word of it (English or Chinese).", "请少输入几个字，或换一个词（中英文均可）。"))
        }
    }
}
