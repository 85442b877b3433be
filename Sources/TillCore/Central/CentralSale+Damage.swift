/// Whether a central journal's answer may be trusted with the core's arithmetic and screen. The
/// answer comes from a database any client can write (a till's replication, a reservation row,
/// psql, a restored backup), so it is input like a scanned code: before anything is planned on
/// it (`ReturnableSale`, `refusal(of:)`, the refund screen), it must hold that
///
/// - the sale is the one asked for (shop and receipt), in the till's currency, its lines' tax
///   rates within 0–100 %, and it passes the journal's own record check (`JournalRecord.amountProblem`: amounts within `ValueLimits`,
///   one currency, sums within Int64); its lines' quantities are not negative;
/// - every refund listed is a refund OF that sale (its key and receipt), not a training one, in
///   the same currency, passes the same record check, and takes back no negative quantity or
///   amount and pays out no negative tender (which would make room for more refunds);
/// - the magnitudes of every amount of the sale and all its refunds together stay within Int64,
///   so no sum the ledger forms over them, in any order, can overflow; and there are at most
///   `maximumRefunds` refunds and `maximumLines` lines per document (an enormous answer is
///   refused, not computed on);
/// - no text the screen or a slip shows holds a control character (a terminal escape).
///
/// nil when it holds; else what is wrong, in both languages (`CrossTillFailure.damaged`).
extension CentralSale {
    /// Far above any real sale's refunds (each takes at least one unit of a line), far below a
    /// count whose ledger would be slow to compute on a till.
    public static let maximumRefunds = 10_000
    /// Lines of one sale or refund: far above a real basket, a bound on the work a look-up makes.
    public static let maximumLines = 10_000

    public func damage(expecting key: DocumentKey, currency: Currency) -> LocalizedText? {
        guard shop == key.shop, sale.receipt == key.number.description else {
            return LocalizedText(en: "it answered with sale \(sale.receipt) of shop \(shop)",
                                 zh: "返回的是 \(shop) 号门店的销售 \(sale.receipt)")
        }
        let saleCurrency = sale.totals.gross.currency
        guard saleCurrency == currency else {
            return LocalizedText(en: "the sale is in \(saleCurrency.code), this till counts in \(currency.code)",
                                 zh: "该销售币种为 \(saleCurrency.code)，本收银台为 \(currency.code)")
        }
        // A line's tax is computed from its class's rate (a rate of -100 % divides by zero).
        if let line = sale.lines.first(where: { !(0...ValueLimits.maximumTaxRateBasisPoints).contains($0.taxClass.rateBasisPoints) }) {
            return LocalizedText(en: "sale line \(line.lineNo) has the tax rate \(line.taxClass.rateBasisPoints)/10000, outside 0–100 %",
                                 zh: "销售第 \(line.lineNo) 行税率 \(line.taxClass.rateBasisPoints)/10000 超出 0–100 %")
        }
        if let problem = JournalRecord.sale(sale, Self.noSlip).amountProblem { return Self.named("the sale", problem) }
        if let line = sale.lines.first(where: { $0.quantity.thousandths < 0 }) {
            return LocalizedText(en: "sale line \(line.lineNo) has a negative quantity", zh: "销售第 \(line.lineNo) 行数量为负")
        }
        if let bad = Self.forbiddenText([sale.clerk.code, sale.clerk.name] + sale.lines.flatMap { [$0.sku, $0.name] }) {
            return bad
        }
        if let lines = ([sale.lines.count] + refunds.map(\.refund.lines.count)).first(where: { $0 > Self.maximumLines }) {
            return LocalizedText(en: "it lists a document of \(lines) lines (at most \(Self.maximumLines))",
                                 zh: "其中一张单据有 \(lines) 行（最多 \(Self.maximumLines) 行）")
        }
        guard refunds.count <= Self.maximumRefunds else {
            return LocalizedText(en: "it lists \(refunds.count) refunds of one sale (at most \(Self.maximumRefunds))",
                                 zh: "一笔销售列出 \(refunds.count) 笔退款（最多 \(Self.maximumRefunds) 笔）")
        }
        var magnitudes = Self.magnitude(of: sale)
        for reservation in refunds {
            if let problem = refundDamage(reservation, currency: saleCurrency, key: key) { return problem }
            magnitudes = magnitudes.flatMap { total in Self.magnitude(of: reservation.refund).flatMap { Self.add(total, $0) } }
        }
        guard magnitudes != nil else {
            return LocalizedText(en: "the sale and its refunds add up beyond what the till can count",
                                 zh: "该销售及其退款的金额合计超出收银台可计算的范围")
        }
        return nil
    }

    private func refundDamage(_ reservation: RefundReservation, currency: Currency, key: DocumentKey) -> LocalizedText? {
        let refund = reservation.refund
        let place = "refund \(refund.number)"
        guard reservation.sale == key, refund.originalReceipt == sale.receipt, !refund.training else {
            return LocalizedText(en: "\(place) is not a refund of this sale", zh: "退款单 \(refund.number) 不是此笔销售的退款")
        }
        guard refund.rounding.currency == currency else {
            return LocalizedText(en: "\(place) is in \(refund.rounding.currency.code), the sale in \(currency.code)",
                                 zh: "退款单 \(refund.number) 币种为 \(refund.rounding.currency.code)，销售为 \(currency.code)")
        }
        if let problem = JournalRecord.refund(refund, Self.noSlip).amountProblem { return Self.named(place, problem) }
        let negative = refund.lines.contains { $0.quantity.thousandths < 0 || $0.amount.minor < 0 || $0.tax.minor < 0 }
            || refund.tenders.contains { $0.amount.minor < 0 }
        if negative {
            return LocalizedText(en: "\(place) takes back a negative quantity or amount", zh: "退款单 \(refund.number) 的退回数量或金额为负")
        }
        return Self.forbiddenText([refund.number, refund.till, refund.clerk.code, refund.clerk.name] + refund.lines.flatMap { [$0.sku, $0.name] })
    }

    /// The record check ignores the slip; the central journal keeps none.
    private static let noSlip = SlipDocument(kind: .sale, reference: "", blocks: [], training: false)

    private static func named(_ place: String, _ problem: LocalizedText) -> LocalizedText {
        LocalizedText(en: "\(place): \(problem.en)", zh: "\(place)：\(problem.zh)")
    }

    private static func forbiddenText(_ texts: [String]) -> LocalizedText? {
        for text in texts {
            if let scalar = InputText.firstForbidden(in: text) {
                let name = InputText.name(scalar)
                return LocalizedText(en: "its text holds the character \(name), which the till never shows",
                                     zh: "其文本含有收银台不显示的字符 \(name)")
            }
        }
        return nil
    }

    private static func add(_ a: UInt64, _ b: UInt64) -> UInt64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow || sum > UInt64(Int64.max) ? nil : sum
    }

    private static func total(_ amounts: [Money]) -> UInt64? {
        var sum: UInt64 = 0
        for amount in amounts {
            guard let next = add(sum, amount.minor.magnitude) else { return nil }
            sum = next
        }
        return sum
    }

    /// Every amount of the sale the ledger adds: lines (paid, tax, price, discount), tenders, totals.
    private static func magnitude(of sale: SaleRecord) -> UInt64? {
        total(sale.lines.flatMap { [$0.tax.gross, $0.tax.tax, $0.unitPrice, $0.discount] }
              + sale.tenders.flatMap { [$0.amount] + ($0.received.map { [$0] } ?? []) }
              + [sale.totals.gross, sale.totals.tax, sale.rounding, sale.change])
    }

    /// Every amount of the refund the ledger adds: lines (amount, tax), tenders, rounding.
    private static func magnitude(of refund: RefundRecord) -> UInt64? {
        total(refund.lines.flatMap { [$0.amount, $0.tax, $0.unitPrice] } + refund.tenders.map(\.amount) + [refund.rounding])
    }
}
