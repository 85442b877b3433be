import Foundation
import TillCore
import TillJournal

/// The refund report as CSV (RFC 4180): one row per group, amounts as decimals, a clerk's flags
/// in the last column.
enum RefundReportCSV {
    static let header = [
        "grouping", "shop", "till", "person", "name", "day",
        "with_receipt_count", "with_receipt_amount", "without_receipt_count", "without_receipt_amount",
        "post_void_count", "post_void_amount", "own_sale_count", "own_sale_amount", "approved_count", "approved_amount",
        "offline_count", "offline_amount", "conflict_count", "conflict_amount", "sales_count", "sales_amount",
        "refund_rate_percent", "flags",
    ]

    static func text(_ report: RefundReport, currency: Currency) -> String {
        func money(_ minor: Int64) -> String { DecimalText.format(minor, scale: currency.minorDigits) }
        var out = CSVWriter.row(header)
        for grouping in RefundGrouping.allCases {
            for row in report.rows(grouping) {
                let f = row.figures, k = row.key
                var fields = [grouping.rawValue, k.shop, k.till ?? "", k.person ?? "", row.name ?? "", k.day?.text ?? ""]
                for tally in [f.withReceipt, f.withoutReceipt, f.postVoids, f.ownSale, f.approved, f.offline, f.conflicts, f.sales] {
                    fields += [String(tally.count), money(tally.amountMinor)]
                }
                fields.append(f.ratePercent.map { String(format: "%.2f", $0) } ?? "")
                let flags = grouping == .clerk
                    ? report.flags.filter { $0.shop == k.shop && $0.clerk == k.person }.map(\.kind.rawValue) : []
                fields.append(flags.joined(separator: ";"))
                out += CSVWriter.row(fields)
            }
        }
        return out
    }
}
