import TillCore

/// Records for every slip template, with Chinese item names, accents and € so each profile's
/// text path (code pages, GB18030, raster) is exercised.
enum SlipFixtures {
    static let currency = Currency.eur
    static func eur(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }
    static let at = Timestamp(seconds: 1_790_000_000)
    static let clerk = User(code: "C01", name: "Zoë Li 李", role: .clerk)
    static let supervisor = User(code: "S01", name: "Wang Fang 王芳", role: .supervisor)
    static let vat = TaxClass(id: "std", name: "VAT", rateBasisPoints: 2000, inclusive: true)
    static let addOn = TaxClass(id: "add", name: "Sales tax", rateBasisPoints: 800, inclusive: false)
    static let shop = ShopInfo(name: "Café Lumière 光明咖啡", addressLines: ["12 Rue de la Paix", "Paris 75002"],
                               taxID: "FR 12 345678901", footer: "Merci ! 谢谢光临", logo: true)

    static let names = ["鱼香肉丝", "Crème brûlée", "宫保鸡丁 Kung Pao chicken, large portion with extra peanuts", "Espresso",
                        "麻婆豆腐", "Pain au chocolat", "珍珠奶茶 (大杯)", "Thé vert 绿茶"]

    static func sale(training: Bool = false, lines count: Int = 8) -> SaleRecord {
        var lines: [SaleLine] = []
        for i in 0..<count {
            let item = CatalogItem(sku: "SKU\(i)", barcodes: [], name: names[i % names.count], price: eur(Int64(250 + i * 135)),
                                   taxClassID: i == 3 ? "add" : "std", weighed: i == 5)
            var line = SaleLine(lineNo: i + 1, item: item, quantity: i == 5 ? Quantity(thousandths: 1250) : (i == 1 ? .each(2) : .one),
                                taxClass: i == 3 ? addOn : vat, barcode: nil)
            if i == 2 { line.discount = eur(50) }
            if i == 4 { line.originalUnitPrice = eur(900) }
            if i == 6 { line.voided = true }
            lines.append(line)
        }
        let totals = SaleTotals(lines: lines.filter { !$0.voided }, currency: currency)
        let paid = totals.gross + eur(1000)
        return SaleRecord(receipt: "S01-000123", receiptCode: ReceiptCode.make(till: "01", sequence: 123, date: CivilDate(year: 2026, month: 9, day: 21)),
                          till: "01", shift: 7, at: at, clerk: clerk, lines: lines,
                          tenders: [Tender(kind: .card, amount: eur(500), reference: "****4242"),
                                    Tender(kind: .cash, amount: totals.gross - eur(500), received: paid - eur(500))],
                          totals: totals, rounding: .zero(currency), change: eur(1000), training: training)
    }

    static func refund(blind: Bool = false) -> RefundRecord {
        let lines = [RefundLine(originalLineNo: 1, sku: "SKU0", name: "鱼香肉丝", quantity: .one, unitPrice: eur(250), amount: eur(250), tax: eur(42), weighed: false),
                     RefundLine(originalLineNo: 2, sku: "SKU1", name: "Crème brûlée", quantity: .each(2), unitPrice: eur(385), amount: eur(770), tax: eur(128), weighed: false)]
        return RefundRecord(number: "R01-000045", till: "01", shift: 7, at: at, clerk: clerk, approver: supervisor, approvals: [],
                            originalReceipt: blind ? nil : "S01-000123", originalSoldAt: blind ? nil : Timestamp(seconds: 1_789_900_000),
                            lines: lines, tenders: [Tender(kind: .cash, amount: eur(1020))], reason: ReasonCode.refundDefaults[0],
                            customerReference: blind ? "Tel 0612345678" : nil, rounding: .zero(currency), training: false)
    }

    static func void() -> VoidRecord {
        VoidRecord(number: "V01-000003", till: "01", shift: 7, at: at, clerk: clerk, approver: supervisor, originalReceipt: "S01-000123",
                   reason: ReasonCode.voidDefaults[0], tenders: [Tender(kind: .card, amount: eur(4210), reference: "****4242")],
                   total: eur(4210), tax: eur(701), training: false)
    }

    static func totals() -> ShiftTotals {
        ShiftTotals(shift: ShiftRecord(number: 7, till: "01", openedAt: Timestamp(seconds: 1_789_990_000), openedBy: clerk, openingFloat: eur(15000)),
                    sales: CountedAmount(count: 42, amount: eur(123456)), salesTax: eur(20576),
                    refunds: CountedAmount(count: 2, amount: eur(1020)), voids: CountedAmount(count: 1, amount: eur(4210)),
                    tenders: [TenderTotals(kind: .cash, taken: eur(80000), givenBack: eur(1020)), TenderTotals(kind: .card, taken: eur(43456), givenBack: eur(4210))],
                    clerks: [ClerkTotals(code: "C01", name: "Zoë Li 李", sales: CountedAmount(count: 42, amount: eur(123456)),
                                         refunds: CountedAmount(count: 2, amount: eur(1020)), voids: CountedAmount(count: 1, amount: eur(4210)))])
    }

    /// Every template in both languages, training and copy variants included.
    static func allDocuments() -> [(name: String, doc: SlipDocument)] {
        var docs: [(String, SlipDocument)] = []
        for language in Language.allCases {
            let t = SlipTemplates(shop: shop, language: language, utcOffsetSeconds: 3600)
            docs.append(("sale-\(language)", t.sale(sale())))
            docs.append(("sale-copy-\(language)", t.sale(sale()).markedAsCopy()))
            docs.append(("sale-training-\(language)", t.sale(sale(training: true))))
            docs.append(("refund-\(language)", t.refund(refund())))
            docs.append(("refund-blind-\(language)", t.refund(refund(blind: true))))
            docs.append(("void-\(language)", t.postVoid(void())))
            docs.append(("x-report-\(language)", t.shiftReport(totals(), zNumber: nil, at: at, by: supervisor)))
            docs.append(("z-report-\(language)", t.shiftReport(totals(), zNumber: "Z01-0007", at: at, by: supervisor)))
        }
        return docs
    }
}
