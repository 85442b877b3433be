import TillCore

/// The refund report for a terminal: a table per grouping (names aligned by display width, so
/// Chinese names line up), a bar chart of refunds per clerk, then the flags.
struct RefundReportText {
    let report: RefundReport
    let currency: Currency
    let language: Language

    func t(_ en: String, _ zh: String) -> String { LocalizedText(en: en, zh: zh).text(language) }

    func money(_ minor: Int64) -> String { DecimalText.format(minor, scale: currency.minorDigits) }

    func cell(_ tally: RefundTally) -> String { "\(tally.count) · \(money(tally.amountMinor))" }

    func label(_ grouping: RefundGrouping, _ row: RefundReportRow) -> String {
        let key = row.key
        switch grouping {
        case .shop: return t("shop ", "门店 ") + key.shop
        case .till: return t("till ", "收银台 ") + (key.till ?? "")
        case .clerk, .supervisor: return (key.person ?? "") + " " + (row.name ?? "")
        case .day: return key.day?.text ?? ""
        }
    }

    static func rate(_ figures: RefundFigures) -> String {
        guard let percent = figures.ratePercent else { return "-" }
        let tenths = Int64((percent * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))%"
    }

    var headers: [String] {
        [t("", ""), t("with receipt", "有小票"), t("without", "无小票"), t("post-voids", "整单作废"), t("own sale", "本人销售"),
         t("approved", "主管批准"), t("offline", "离线"), t("conflicts", "冲突"), t("sales", "销售"), t("rate", "退款率")]
    }

    func cells(_ grouping: RefundGrouping, _ row: RefundReportRow) -> [String] {
        let f = row.figures
        return [label(grouping, row), cell(f.withReceipt), cell(f.withoutReceipt), cell(f.postVoids), cell(f.ownSale),
                cell(f.approved), cell(f.offline), cell(f.conflicts), cell(f.sales), Self.rate(f)]
    }

    var lines: [String] {
        var out: [String] = []
        let period = (report.from?.text ?? t("first entry", "最早")) + " – " + (report.to?.text ?? t("last entry", "最新"))
        out.append(t("Refund report", "退款报表") + "  " + period + "  (" + t("count · amount", "笔数 · 金额") + ")")
        for grouping in RefundGrouping.allCases {
            out.append("")
            out.append(grouping.title.text(language))
            let rows = report.rows(grouping)
            guard !rows.isEmpty else { out.append("  " + t("(none)", "（无）")); continue }
            let table = [headers] + rows.map { cells(grouping, $0) }
            let widths = headers.indices.map { column in table.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
            for line in table {
                out.append("  " + line.indices.map { DisplayWidth.pad(line[$0], to: widths[$0], alignRight: $0 > 0) }
                    .joined(separator: "  "))
            }
        }
        out.append("")
        out.append(t("Refunded per clerk", "各收银员退款金额"))
        out += chart
        out.append("")
        out.append(t("Flags", "提示"))
        if report.flags.isEmpty { out.append("  " + t("(none)", "（无）")) }
        for flag in report.flags {
            out.append("  ⚑ \(flag.clerk) \(flag.clerkName) [\(flag.shop)]: \(Self.flagTitle(flag.kind).text(language)): \(flag.detail.text(language))")
        }
        return out
    }

    /// One bar per clerk: everything they refunded, `█` against the largest, 40 wide.
    var chart: [String] {
        let rows = report.rows(.clerk)
        let labels = rows.map { label(.clerk, $0) }
        let width = min(30, labels.map(DisplayWidth.of).max() ?? 0)
        let largest = rows.map(\.figures.refunded.amountMinor).max() ?? 0
        return zip(rows, labels).map { row, name in
            let amount = row.figures.refunded.amountMinor
            let length = largest > 0 && amount > 0 ? max(1, Int((Double(amount) / Double(largest) * 40).rounded())) : 0
            return "  " + DisplayWidth.pad(DisplayWidth.truncate(name, to: width), to: width) + " "
                + String(repeating: "█", count: length) + " " + money(amount)
        }
    }

    static func flagTitle(_ kind: RefundFlag.Kind) -> LocalizedText {
        switch kind {
        case .noReceiptAboveShop: return LocalizedText(en: "many refunds without receipt", zh: "无小票退款偏多")
        case .soonAfterSale: return LocalizedText(en: "refunds soon after the sale", zh: "销售后很快退款")
        case .justUnderLimit: return LocalizedText(en: "refunds just under the limit", zh: "退款金额贴近限额")
        }
    }
}
