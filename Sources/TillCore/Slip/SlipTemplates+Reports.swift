extension SlipTemplates {
    /// An X report (mid-shift, `reference` nil) or a Z report (closes the shift, numbered).
    /// `parked`: the sales parked on the till (an X lists them); `count`: the Z's cash count, whose
    /// pieces per denomination are printed above the counted total.
    public func shiftReport(_ totals: ShiftTotals, zNumber: String?, at: Timestamp, by: User, counted cashCounted: Money? = nil,
                            count: CashCount? = nil, parked: [ParkedSale] = [], approver: User? = nil) -> SlipDocument {
        let lang = language
        func s(_ t: LocalizedText) -> String { t.text(lang) }
        func counted(_ label: LocalizedText, _ c: CountedAmount) -> SlipBlock {
            .pair("\(s(label)) (\(c.count))", c.amount.plain, .plain)
        }
        var b: [SlipBlock] = [.text(shop.name, .title)]
        b.append(.text(zNumber.map { s(SlipText.zReport) + " " + $0 } ?? s(SlipText.xReport), .title))
        b.append(.pair("\(s(SlipText.shift)) \(totals.shift.number)", "\(s(SlipText.till)) \(totals.shift.till)", .plain))
        b.append(.pair(s(SlipText.opened), totals.shift.openedAt.localText(utcOffsetSeconds: utcOffsetSeconds), .plain))
        b.append(.pair(s(zNumber == nil ? SlipText.printed : SlipText.closed), at.localText(utcOffsetSeconds: utcOffsetSeconds), .plain))
        b.append(.pair(s(SlipText.clerk), by.name, .plain))
        if let approver { b.append(.pair(s(SlipText.approvedBy), "\(approver.name) (\(approver.code))", .plain)) }
        b.append(.rule("="))
        b.append(counted(SlipText.sales, totals.sales))
        b.append(.pair("  " + s(SlipText.tax), totals.salesTax.plain, .plain))
        b.append(counted(SlipText.refunds, totals.refunds))
        b.append(counted(SlipText.voids, totals.voids))
        b.append(.pair(s(SlipText.net), totals.net.formatted, .total))
        b.append(.rule("-"))
        b.append(.text(s(SlipText.byTender), .bold))
        for tender in totals.tenders {
            b.append(.pair("  " + s(tender.kind.label), tender.taken.plain, .plain))
            // Each line under its own heading, so every heading's lines add up to its total above.
            if !tender.refunded.isZero { b.append(.pair("    - " + s(SlipText.refunds), tender.refunded.negated.plain, .plain)) }
            if let voided = tender.voided, !voided.isZero {
                b.append(.pair("    - " + s(SlipText.voids), voided.negated.plain, .plain))
            }
        }
        b.append(.pair(s(SlipText.openingFloat), totals.shift.openingFloat.plain, .plain))
        b.append(.pair(s(SlipText.cashExpected), totals.cashExpected.plain, .bold))
        if let cashCounted {
            b.append(contentsOf: denominationTable(count, currency: cashCounted.currency))
            b.append(.pair(s(SlipText.cashCounted), cashCounted.plain, .bold))
            let difference = cashCounted - totals.cashExpected
            b.append(.pair(s(difference.isNegative ? SlipText.cashShort : SlipText.cashOver), difference.magnitude.plain, .bold))
        }
        b.append(.rule("-"))
        b.append(.text(s(SlipText.byClerk), .bold))
        for clerk in totals.clerks {
            b.append(.text("  \(clerk.name) (\(clerk.code))", .plain))
            b.append(counted(LocalizedText(en: "    " + SlipText.sales.en, zh: "    " + SlipText.sales.zh), clerk.sales))
            b.append(counted(LocalizedText(en: "    " + SlipText.refunds.en, zh: "    " + SlipText.refunds.zh), clerk.refunds))
            b.append(counted(LocalizedText(en: "    " + SlipText.voids.en, zh: "    " + SlipText.voids.zh), clerk.voids))
        }
        b.append(contentsOf: parkedSales(parked))
        if let head = totals.journalHead {
            // The anchor: entry count and head hash, in halves that fit 32 columns.
            b.append(.rule("-"))
            b.append(.pair(s(SlipText.journalAnchor), String(head.count), .bold))
            b.append(.text(String(head.hash.prefix(32)), .plain))
            b.append(.text(String(head.hash.dropFirst(32)), .plain))
        }
        return SlipDocument(kind: zNumber == nil ? .xReport : .zReport, reference: zNumber ?? "X-\(totals.shift.number)",
                            blocks: b, training: false)
    }
}
