import TillCore

/// The sale: lines (name, quantity, price, amount), then subtotal, tax, total, and what is paid
/// and still due once tenders start.
enum SaleView {
    static func rows(_ draft: SaleDraft, _ ui: ScreenState, width: Int, height: Int) -> [ScreenRow] {
        let lang = ui.language
        let table = Table(fixed: [8, 10, 11], width: width)
        var rows = [ScreenRow(table.row("#", ScreenText.colItem.text(lang),
                                        [ScreenText.colQty.text(lang), ScreenText.colPrice.text(lang), ScreenText.colAmount.text(lang)]),
                              .underline)]
        let totals = totalRows(draft, lang, width: width)
        let room = max(1, height - 1 - totals.count)
        for i in Table.window(count: draft.lines.count, room: room, focus: ui.selection) {
            let line = draft.lines[i]
            var name = line.name
            if !line.discount.isZero { name += " (−\(line.discount.plain))" }
            let amount = line.voided ? ScreenText.voided.text(lang) : line.amount.plain
            var attr: ScreenAttr = line.voided ? .dim : []
            if ui.selection == i { attr.insert(.reverse) }
            rows.append(ScreenRow(table.row("\(line.lineNo)", name, [line.quantityText, line.unitPrice.plain, amount]), attr))
        }
        while rows.count < height - totals.count { rows.append(.blank) }
        return rows + totals
    }

    static func totalRows(_ draft: SaleDraft, _ lang: Language, width: Int) -> [ScreenRow] {
        let totals = draft.totals
        func row(_ label: LocalizedText, _ amount: String, _ attr: ScreenAttr = []) -> ScreenRow {
            ScreenRow(Columns.right(label.text(lang) + "  " + Columns.right(amount, max(12, DisplayWidth.of(amount))), width), attr)
        }
        var rows = [row(ScreenText.subtotal, totals.net.plain), row(ScreenText.tax, totals.tax.plain),
                    row(ScreenText.total, totals.gross.formatted, .bold)]
        if !draft.tenders.isEmpty {
            // Numbered, so REMOVE TENDER can be given the number of the one taken by mistake.
            let paid = draft.tenders.enumerated().map { "\($0.offset + 1) \($0.element.kind.label.text(lang)) \($0.element.amount.plain)" }
                .joined(separator: ", ")
            rows.append(row(ScreenText.paid, paid))
            rows.append(row(ScreenText.due, draft.due.formatted, .bold))
        }
        return rows
    }
}
