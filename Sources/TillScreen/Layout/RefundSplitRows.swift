import TillCore

/// The core's split of the refund in progress (`RegisterState.refundSplit`), one row per tender
/// and the cash rounding: what confirming now records and prints, shown before Enter confirms.
enum RefundSplitRows {
    static func rows(_ state: RegisterState, _ lang: Language, width: Int) -> [ScreenRow] {
        switch state.refundSplit {
        case nil:
            return []
        case .failure(let refusal)?:
            return Columns.wrap(refusal.message(lang), width).map { ScreenRow($0, .bold) }
        case .success(let split)?:
            var rows = [ScreenRow(ScreenText.splitHeading.text(lang), .underline)]
            for tender in split.tenders {
                let label = tender.kind.label.text(lang) + (tender.reference.map { " " + $0 } ?? "")
                rows.append(ScreenRow(Columns.spread("  " + label, tender.amount.plain, width)))
            }
            if !split.rounding.isZero {
                rows.append(ScreenRow(Columns.spread("  " + ScreenText.cashRounding.text(lang), split.rounding.plain, width), .dim))
            }
            return rows
        }
    }

    /// The amount to show large: the split's total (cash rounding included) once there is one.
    static func amount(_ state: RegisterState, otherwise: Money) -> Money {
        if case .success(let split)? = state.refundSplit { return split.total }
        return otherwise
    }
}

extension ScreenText {
    static let splitHeading = t("Paid back as", "退款方式")
    static let cashRounding = t("Cash rounding", "现金舍入")
}
