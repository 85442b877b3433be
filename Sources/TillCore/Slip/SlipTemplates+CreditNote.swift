extension SlipText {
    static let creditNote = t("CREDIT NOTE", "储值凭证")
    static let creditNoteAmount = t("Credited to this note", "存入本凭证")
    static let creditNoteKeep = t("Keep this slip: it pays like money at this shop. Scan it at the till.",
                                  "请保留此凭证：可在本店当现金使用，结账时扫描。")
    static let creditNoteUsed = t("Paid from credit note", "储值凭证支付")
}

extension SlipTemplates {
    /// The credit note part of a refund slip: for each credit note the refund pays into, its
    /// number in large print, what went on it, and its Code 128 barcode for the till to scan.
    func creditNoteBlocks(_ tenders: [Tender]) -> [SlipBlock] {
        tenders.filter { $0.kind == .storeCredit }.compactMap { tender -> [SlipBlock]? in
            guard let number = tender.reference else { return nil }
            return [
                .rule("="),
                .text(SlipText.creditNote.text(language), .title),
                .text(number, SlipStyle(bold: true, align: .center)),
                .pair(SlipText.creditNoteAmount.text(language), tender.amount.formatted, .bold),
                .barcode(.code128, number),
                .text(SlipText.creditNoteKeep.text(language), .centered),
            ]
        }.flatMap { $0 }
    }
}

extension SlipText {
    static let cashCounted = t("Cash counted", "实点现金")
    static let cashOver = t("Over", "长款")
    static let cashShort = t("Short", "短款")
}

extension SlipTemplates {
    /// A sale's subtotal (before tax) and its tax per rate, each rate with its label, adding up
    /// to the total printed under them (before cash rounding).
    func taxSummary(_ sale: SaleRecord) -> [SlipBlock] {
        let currency = sale.totals.gross.currency
        var rates: [(TaxClass, Money)] = []
        for line in sale.lines where !line.voided {
            if let i = rates.firstIndex(where: { $0.0.id == line.taxClass.id }) { rates[i].1 += line.tax.tax }
            else { rates.append((line.taxClass, line.tax.tax)) }
        }
        var blocks: [SlipBlock] = [.pair(SlipText.subtotal.text(language), sale.totals.net.plain, .plain)]
        for (taxClass, amount) in rates {
            // The class's own name carries its rate; a tax added on top of the prices is marked "+".
            blocks.append(.pair((taxClass.inclusive ? "" : "+ ") + taxClass.name, amount.plain, .plain))
        }
        if rates.isEmpty { blocks.append(.pair(SlipText.tax.text(language), Money.zero(currency).plain, .plain)) }
        return blocks
    }
}
