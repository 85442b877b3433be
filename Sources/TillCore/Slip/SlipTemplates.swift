/// Builds the slip documents for sales, refunds and post-voids. Pure: the same record always
/// makes the same slip, so a reprint is identical but for the COPY mark.
public struct SlipTemplates: Sendable {
    public var shop: ShopInfo
    public var language: Language
    public var utcOffsetSeconds: Int64

    public init(shop: ShopInfo, language: Language, utcOffsetSeconds: Int64) {
        self.shop = shop
        self.language = language
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    private func s(_ text: LocalizedText) -> String { text.text(language) }
    private func when(_ t: Timestamp) -> String { t.localText(utcOffsetSeconds: utcOffsetSeconds) }

    private func header(training: Bool) -> [SlipBlock] {
        var blocks: [SlipBlock] = []
        if training { blocks.append(.banner(SlipText.trainingBanner)) }
        if shop.logo { blocks.append(.logo) }
        blocks.append(.text(shop.name, .title))
        blocks += shop.addressLines.map { .text($0, .centered) }
        if let taxID = shop.taxID { blocks.append(.text(shop.taxIDLabel.map { "\($0) \(taxID)" } ?? taxID, .centered)) }
        blocks.append(.rule("-"))
        return blocks
    }

    private func trailer(training: Bool) -> [SlipBlock] {
        training ? [.banner(SlipText.trainingBanner)] : []
    }

    private func tenderLines(_ tenders: [Tender]) -> [SlipBlock] {
        tenders.map { tender in
            let ref = tender.reference.map { " \($0)" } ?? ""
            let shown = tender.received ?? tender.amount
            return .pair(s(tender.kind.label).uppercased() + ref, shown.plain, .plain)
        }
    }

    public func sale(_ sale: SaleRecord) -> SlipDocument {
        var b = header(training: sale.training)
        b.append(.pair(s(SlipText.receipt) + " " + sale.receipt, when(sale.at), .bold))
        b.append(.text("\(s(SlipText.clerk)): \(sale.clerk.name)   \(s(SlipText.shift)) \(sale.shift)", .plain))
        b.append(.rule("-"))
        for line in sale.lines {
            if line.voided {
                b.append(.pair("\(line.name) [\(s(SlipText.voidedLine))]", "", .plain))
                continue
            }
            b.append(.pair(line.name, line.tax.gross.plain, .plain))
            if line.quantity != .one || line.weighed {
                b.append(.text("  \(line.quantityText) x \(line.unitPrice.plain)", .plain))
            }
            if let original = line.originalUnitPrice {
                b.append(.text("  \(s(SlipText.priceOverride)) \(original.plain)", .plain))
            }
            if !line.discount.isZero {
                b.append(.pair("  \(s(SlipText.discount))", line.discount.negated.plain, .plain))
            }
            if !line.taxClass.inclusive {
                b.append(.pair("  + \(s(SlipText.tax)) \(line.taxClass.rateText)", line.tax.tax.plain, .plain))
            }
        }
        b.append(.rule("-"))
        b += taxSummary(sale)
        if !sale.rounding.isZero { b.append(.pair(s(SlipText.rounding), sale.rounding.plain, .plain)) }
        b.append(.pair(s(SlipText.total), sale.total.formatted, .total))
        b += tenderLines(sale.tenders)
        if !sale.change.isZero { b.append(.pair(s(SlipText.change), sale.change.plain, .bold)) }
        b.append(.rule("-"))
        if !sale.training {
            b.append(.text(s(SlipText.keepForReturns), .centered))
            b.append(.barcode(.code128, sale.receiptCode))
            b.append(.text(sale.receiptCode, SlipStyle(small: true, align: .center)))
        }
        if let footer = shop.footer { b.append(.text(footer, .centered)) }
        b += trailer(training: sale.training)
        return SlipDocument(kind: .sale, reference: sale.receipt, blocks: b, training: sale.training)
    }

    public func refund(_ refund: RefundRecord) -> SlipDocument {
        var b = header(training: refund.training)
        b.append(.text(s(SlipText.refund), .title))
        b.append(.pair(refund.number, when(refund.at), .bold))
        if refund.unverified == true { b.append(.text(s(SlipText.unverified), .bold)) }
        if let original = refund.originalReceipt {
            b.append(.pair(s(SlipText.originalReceipt), original, .plain))
            if let soldAt = refund.originalSoldAt { b.append(.pair(s(SlipText.soldOn), when(soldAt), .plain)) }
        } else {
            b.append(.text(s(SlipText.noReceipt), .bold))
            if let customer = refund.customerReference { b.append(.pair(s(SlipText.customer), customer, .plain)) }
        }
        b.append(.rule("-"))
        for line in refund.lines {
            b.append(.pair(line.name, line.amount.negated.plain, .plain))
            let quantity = SaleLine.quantityText(line.quantity, weighed: line.weighed)
            b.append(.text("  \(s(SlipText.returned)) \(quantity) x \(line.unitPrice.plain)", .plain))
        }
        b.append(.rule("-"))
        b.append(.pair(s(SlipText.tax), refund.tax.negated.plain, .plain))
        // Said in words, not by a sign: which way the cash payout was rounded for the customer.
        if refund.rounding.isPositive {
            b.append(.pair(s(SlipText.roundingPaidMore), refund.rounding.plain, .plain))
        } else if refund.rounding.isNegative {
            b.append(.pair(s(SlipText.roundingPaidLess), refund.rounding.magnitude.plain, .plain))
        }
        b.append(.pair(s(SlipText.refund) + " " + s(SlipText.total), refund.total.negated.formatted, .total))
        for tender in refund.tenders {
            let ref = tender.reference.map { " \($0)" } ?? ""
            b.append(.pair(s(SlipText.refundedTo) + " " + s(tender.kind.label) + ref, tender.amount.plain, .plain))
        }
        b.append(.pair(s(SlipText.reason), s(refund.reason.label), .plain))
        b.append(.pair(s(SlipText.clerk), refund.clerk.name, .plain))
        if let approver = refund.approver {
            b.append(.pair(s(SlipText.approvedBy), approver.name, .plain))
            if let approved = refund.approvedAmount { b.append(.pair(s(SlipText.approvedAmount), approved.plain, .plain)) }
        }
        b.append(.signature(s(SlipText.customerSignature)))
        b += creditNoteBlocks(refund.tenders)
        b += trailer(training: refund.training)
        return SlipDocument(kind: .refund, reference: refund.number, blocks: b, training: refund.training)
    }

    public func postVoid(_ void: VoidRecord) -> SlipDocument {
        var b = header(training: void.training)
        b.append(.text(s(SlipText.voidTitle), .title))
        b.append(.pair(void.number, when(void.at), .bold))
        b.append(.pair(s(SlipText.voidedSale), void.originalReceipt, .plain))
        b.append(.rule("-"))
        b.append(.pair(s(SlipText.total), void.total.negated.formatted, .total))
        for tender in void.tenders {
            b.append(.pair(s(SlipText.refundedTo) + " " + s(tender.kind.label), tender.amount.plain, .plain))
        }
        b.append(.pair(s(SlipText.reason), s(void.reason.label), .plain))
        b.append(.pair(s(SlipText.clerk), void.clerk.name, .plain))
        if let approver = void.approver { b.append(.pair(s(SlipText.approvedBy), approver.name, .plain)) }
        b += trailer(training: void.training)
        return SlipDocument(kind: .postVoid, reference: void.number, blocks: b, training: void.training)
    }
}
