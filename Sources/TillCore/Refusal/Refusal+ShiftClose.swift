extension Refusal {
    /// Texts of the refusals of closing a shift: the cash count and parked sales at the Z report.
    /// Exhaustive over the count's problems, so a new one cannot render blank.
    static func cashCountTexts(_ problem: CashCountProblem) -> (message: LocalizedText, remedy: LocalizedText) {
        func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
        switch problem {
        case .notADenomination(let value, let allowed):
            return (t("\(value) is not a note or coin this till counts.", "\(value) 不是本机清点的面额。"),
                    t("Count by these denominations: \(allowed.joined(separator: " ")) (or type the total); [cash] denominations in the configuration lists them.",
                      "请按以下面额清点：\(allowed.joined(separator: " "))（或输入总额）；面额在配置的 [cash] denominations 中设置。"))
        case .pieceCountOutOfRange(let count):
            return (t("\(count) pieces of one denomination is not a count the till takes (0 to \(CashCount.maximumPieces)).",
                      "单一面额 \(count) 张/枚超出可清点范围（0 至 \(CashCount.maximumPieces)）。"),
                    t("Count the drawer again and type the number of pieces of each note and coin.",
                      "请重新清点钱箱，输入每种面额的张数或枚数。"))
        case .totalTooLarge:
            let max = ValueLimits.maximumAmountText(.cny)
            return (t("The count adds up to more than a drawer can hold (at most \(max)).",
                      "清点合计超过钱箱可容纳的金额（最多 \(max)）。"),
                    t("Check the numbers of pieces typed, then count again.", "请核对输入的张数后重新清点。"))
        case .negative(let text):
            return (t("A cash count cannot be negative (\(text)).", "点钞金额不能为负数（\(text)）。"),
                    t("Type the amount in the drawer, 0 or more.", "请输入钱箱中的金额（0 或以上）。"))
        case .wrongCurrency(let found):
            return (t("The count is in \(found), which this till does not take.", "清点使用的币种 \(found) 不是本机币种。"),
                    t("Count in the till's currency.", "请按本机币种清点。"))
        }
    }

    static func parkedSalesTexts(_ sales: [ParkedSaleSummary]) -> (message: LocalizedText, remedy: LocalizedText) {
        func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
        let list = sales.map(\.label)
        return (t("The Z report cannot close the shift while \(sales.count) sale\(sales.count == 1 ? " is" : "s are") parked: "
                        + list.map(\.en).joined(separator: ", ") + ".",
                      "仍有 \(sales.count) 笔挂起的销售，Z 报表不能结班：" + list.map(\.zh).joined(separator: "、") + "。"),
                    t("Recall each one (RECALL, ^E) and complete it, or cancel it (Esc, then Enter: the journal keeps who cancelled it); then print the Z report again.",
                      "请逐笔取单（取单，^E）并完成，或取消（Esc 后按 Enter：日志会记录取消人）；然后重新打印 Z 报表。"))
    }
}
