extension SlipTemplates {
    /// The Z's count per denomination: "100.00 x 3   300.00" per note or coin counted (none for a total).
    func denominationTable(_ count: CashCount?, currency: Currency) -> [SlipBlock] {
        guard let pieces = count?.pieces, !pieces.isEmpty else { return [] }
        var blocks: [SlipBlock] = [.text(ShiftCloseText.countByDenomination.text(language), .bold)]
        for piece in pieces {
            let value = Money(minor: piece.value, currency: currency)
            // Checked: the count was taken only when every product fits (`CashCount.amount`).
            let (product, overflow) = piece.value.multipliedReportingOverflow(by: piece.count)
            let amount = overflow ? "?" : Money(minor: product, currency: currency).plain
            blocks.append(.pair("  \(value.plain) x \(piece.count)", amount, .plain))
        }
        return blocks
    }

    /// The sales parked on the till, for the X report: each number, lines and total.
    func parkedSales(_ parked: [ParkedSale]) -> [SlipBlock] {
        guard !parked.isEmpty else { return [] }
        var blocks: [SlipBlock] = [.rule("-"), .text("\(ShiftCloseText.parkedSales.text(language)) (\(parked.count))", .bold)]
        for sale in parked {
            blocks.append(.pair("  \(sale.reference) (\(sale.lineCount))", sale.total.plain, .plain))
        }
        return blocks
    }
}

/// Words of the end-of-shift slips.
enum ShiftCloseText {
    static let countByDenomination = LocalizedText(en: "Cash count", zh: "点钞明细")
    static let parkedSales = LocalizedText(en: "Parked sales", zh: "挂起的销售")
}
