@testable import TillCore

/// A till whose outside world (catalog, journal, PIN check) is in memory, so core rules can be
/// driven exactly as the runtime drives them: every effect that asks a question is answered
/// with the follow-up action the runtime would send.
struct TestTill {
    var state: RegisterState
    var now = Timestamp(seconds: 1_795_000_000) // 2026-11-18
    var catalog: [String: (CatalogItem, TaxClass)] = [:]
    var users: [String: (User, String)] = [:]
    var sales: [String: SaleRecord] = [:]
    var refunds: [RefundRecord] = []
    var voided: Set<String> = []
    var records: [JournalRecord] = []
    var printed: [SlipDocument] = []
    /// Slips stored on purpose without printing (NO RECEIPT).
    var leftUnprinted: [String] = []
    var events: [RegisterEvent] = []
    var drawerOpens = 0
    var lowestPrices: [String: Money] = [:]

    static let vat13 = TaxClass(id: "VAT13", name: "VAT 13%", rateBasisPoints: 1300, inclusive: true)
    static let salesTax = TaxClass(id: "ST8", name: "Sales tax 8%", rateBasisPoints: 800, inclusive: false)

    init(config: RegisterConfig = RegisterConfig()) {
        state = RegisterState(config: config)
        add(CatalogItem(sku: "TEA", barcodes: ["6901234567892"], name: "Jasmine tea 茉莉花茶", price: cny(2500), taxClassID: "VAT13"))
        add(CatalogItem(sku: "MUG", barcodes: ["4006381333931"], name: "Mug", price: cny(1000), taxClassID: "VAT13"))
        add(CatalogItem(sku: "RICE", barcodes: [], name: "Rice per kg 大米", price: cny(800), taxClassID: "VAT13", weighed: true))
        add(CatalogItem(sku: "GIFT", barcodes: [], name: "Gift card", price: cny(10000), taxClassID: "VAT13", returnable: false))
        add(CatalogItem(sku: "TV", barcodes: [], name: "Television", price: cny(300_000), taxClassID: "VAT13"))
        add(CatalogItem(sku: "PEN", barcodes: [], name: "Pen", price: cny(1000), taxClassID: "ST8"), tax: Self.salesTax)
        users["1001"] = (User(code: "1001", name: "Clerk Lin", role: .clerk), "1111")
        users["2001"] = (User(code: "2001", name: "Supervisor Wang", role: .supervisor), "2222")
        users["1002"] = (User(code: "1002", name: "Clerk Zhao", role: .clerk), "3333")
        users["4001"] = (User(code: "4001", name: "Tech Chen", role: .technician), "4444")
    }

    mutating func add(_ item: CatalogItem, tax: TaxClass = vat13) {
        catalog[item.sku] = (item, tax)
        for code in item.barcodes { catalog[code] = (item, tax) }
    }

    func cny(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }

    /// Sends an action and answers every question it raises, like the runtime.
    mutating func send(_ action: RegisterAction) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Register.reduce(&state, next, now: now) {
                if let followUp = perform(effect) { queue.append(followUp) }
            }
        }
    }

    private mutating func perform(_ effect: RegisterEffect) -> RegisterAction? {
        switch effect {
        case .verifyCredentials(let code, let pin, let purpose):
            guard let (user, expected) = users[code], expected == pin else {
                let refusal = Refusal.wrongPIN(attemptsLeft: 4)
                return purpose == .signIn ? .signInRefused(refusal) : .approverRefused(refusal)
            }
            if purpose == .approval { return .approverVerified(user) }
            let refunded = refunds.filter { $0.clerk.code == code && $0.shift == state.shift?.number }
                .map(\.total).sum(.cny)
            return .signedIn(user, refundedThisShift: refunded)
        case .lookUpItem(let code, let quantity, let days):
            guard let (item, tax) = catalog[code] else { return .itemNotFound(code: code) }
            return .itemFound(item, tax, code: code, quantity: quantity,
                              lowestRecentPrice: days == nil ? nil : lowestPrices[item.sku])
        case .lookUpSale(let number):
            guard let sale = sales[number.description] else { return .saleNotFound(reference: number.description) }
            return .saleLoaded(ReturnableSale(sale: sale, priorRefunds: refunds.filter { $0.originalReceipt == sale.receipt },
                                              voided: voided.contains(sale.receipt)))
        case .lookUpCreditNote(let number, let amount):
            return .creditNoteLooked(number: number, note: CreditNote(number: number, records: records), amount: amount)
        case .loadShiftTotals(let shift, let kind):
            let zero = CountedAmount.zero(.cny)
            let salesInShift = sales.values.filter { $0.shift == shift }
            let totals = ShiftTotals(shift: state.shift!, sales: CountedAmount(count: Int64(salesInShift.count),
                                     amount: salesInShift.map(\.total).sum(.cny)), salesTax: cny(0),
                                     refunds: zero, voids: zero, tenders: [], clerks: [])
            return .shiftTotalsLoaded(totals, kind)
        case .record(let record):
            records.append(record)
            switch record {
            case .sale(let sale, _): sales[sale.receipt] = sale
            case .refund(let refund, _): refunds.append(refund)
            case .postVoid(let void, _): voided.insert(void.originalReceipt)
            default: break
            }
            return nil
        case .print(let slip):
            printed.append(slip)
            return nil
        case .reprint:
            return nil
        case .leaveUnprinted(let reference):
            leftUnprinted.append(reference)
            return nil
        case .openDrawer:
            drawerOpens += 1
            return nil
        case .emit(let event):
            events.append(event)
            return nil
        }
    }

    // MARK: - Conveniences

    var refusals: [Refusal] { events.compactMap { if case .refused(let r) = $0 { return r } else { return nil } } }
    var lastRefusal: Refusal? { refusals.last }

    mutating func signInAndOpenShift(_ code: String = "1001") {
        send(.signInRequested(code: code, pin: users[code]!.1))
        if state.shift == nil {
            let current = state.user
            send(.signedIn(users["2001"]!.0, refundedThisShift: cny(0)))
            send(.shiftOpenRequested(float: cny(20_000)))
            state.user = current
        }
    }

    /// Rings up `codes` and pays in cash, returning the receipt number.
    @discardableResult
    mutating func sell(_ codes: [(String, Quantity?)], tender: TenderKind = .cash, reference: String? = nil) -> String {
        for (code, qty) in codes { send(.codeEntered(code, quantity: qty)) }
        send(.tendered(tender, amount: nil, reference: reference))
        guard case .sale(let sale, _)? = records.last(where: { if case .sale = $0 { return true } else { return false } })
        else { fatalError("no sale recorded: \(refusals)") }
        return sale.receipt
    }

    mutating func startRefund(_ receipt: String) {
        send(.refundStarted)
        send(.receiptEntered(receipt))
    }

    var lastRefund: RefundRecord? { refunds.last }
    var refundDraft: RefundDraft? { if case .refunding(let d) = state.activity { return d } else { return nil } }
}
