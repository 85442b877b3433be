/// The gate every action passes before the rules see it (`Register.reduce`): text without control
/// characters, amounts in the till's currency and within `ValueLimits`, quantities within range.
/// Actions from a person (typed, scanned, `till exec`) and answers from the world (the journal's
/// items and sales) are checked alike, so no path around it reaches the arithmetic.
extension RegisterAction {
    func inputRefusal(_ config: RegisterConfig) -> Refusal? {
        let check = InputCheck(currency: config.currency)
        switch self {
        case .signInRequested(let code, let pin), .approverPINEntered(let code, let pin):
            return check.text(code, .userCode) ?? check.text(pin, .pin)
        case .signedIn(let user, let refunded):
            return check.user(user) ?? check.money(refunded)
        case .approverVerified(let user):
            return check.user(user)
        case .shiftOpenRequested(let float):
            return check.money(float)
        case .shiftTotalsLoaded(let totals, _):
            return check.currency(totals.shift.openingFloat)
        case .codeEntered(let code, let quantity):
            return check.trimmedText(code, .itemCode) ?? quantity.flatMap(check.quantity)
        case .itemFound(let item, let taxClass, let code, let quantity, let lowest):
            return check.trimmedText(code, .itemCode) ?? quantity.flatMap(check.quantity) ?? check.item(item, taxClass)
                ?? lowest.flatMap(check.money)
        case .itemNotFound(let code):
            return check.trimmedText(code, .itemCode)
        case .itemWithdrawn(let withdrawal, let code):
            return check.trimmedText(code, .itemCode) ?? check.text(withdrawal.sku, .sku) ?? check.text(withdrawal.name, .itemName)
                ?? check.text(withdrawal.by, .userCode)
        case .quantityChanged(_, let quantity), .refundQuantitySet(_, let quantity):
            return check.quantity(quantity)
        case .priceOverridden(_, let amount), .lineDiscounted(_, let amount):
            return check.money(amount)
        case .tendered(let kind, let amount, let reference):
            return amount.flatMap(check.money) ?? reference.flatMap { check.trimmedText($0, kind == .card ? .cardReference : .tenderReference) }
        case .receiptEntered(let text):
            return check.trimmedText(text, .receipt)
        case .saleLoaded(let sale):
            return check.currency(sale.sale.total)
        case .saleNotFound(let reference):
            return check.trimmedText(reference, .receipt)
        case .centralAnswered:
            // A central answer is input like any other, but it answers an open question: refused
            // here it would leave the till waiting. `centralAnswered` checks it whole
            // (`CentralSale.damage`) and closes the question with the reason.
            return nil
        case .unverifiedRefundsCounted(_, let total):
            return check.money(total)
        case .refundReconciled(let refund, _):
            return check.currency(refund.total)
        case .conflictsLoaded, .awaitingSaleLoaded:
            return nil
        case .reasonChosen(let code):
            return check.text(code, .reasonCode)
        case .refundTenderChosen(let kind, let reference):
            return reference.flatMap { check.text($0, kind == .card ? .cardReference : .tenderReference) }
        case .customerReferenceEntered(let text):
            return check.trimmedText(text, .customerReference)
        case .cashCounted(let count):
            if case .total(let money) = count { return check.money(money) }
            if case .denominations(_, let currency) = count { return check.currency(Money.zero(currency)) }
            return nil
        case .creditNoteLooked(_, let note, let amount):
            return amount.flatMap(check.money) ?? note.flatMap { check.currency($0.issued) ?? check.currency($0.redeemed) }
        case .reprintRequested(let reference), .slipLoaded(_, let reference), .refundDrawerOpenRequested(let reference):
            return check.text(reference, .slipReference)
        case .recallRequested(let reference):
            return check.trimmedText(reference, .slipReference)
        case .searchRequested(let query), .itemsFound(let query, _):
            return check.trimmedText(query, .itemCode)
        case .parkedSalesLoaded(let parked, _):
            return parked.lazy.compactMap { check.text($0.reference, .slipReference) }.first
        case .quitRequested, .parkRequested, .parkedSalesRequested, .tenderRemoved:
            return nil
        case .started, .noReceiptToggled, .signInRefused, .signOutRequested, .reportRequested, .lineVoided, .refundStarted,
             .blindReturnStarted, .postVoidStarted, .confirmed, .approverRefused, .worldRefused, .scanRefused, .drawerOpenRequested,
             .slipPrinted, .slipFailed, .cancelled:
            return nil
        }
    }
}

/// One action's checks against the till's currency and the documented ranges.
struct InputCheck {
    let currency: Currency

    func text(_ value: String, _ field: TextField) -> Refusal? {
        InputText.firstForbidden(in: value).map { .textNotAllowed(field: field, character: InputText.name($0)) }
    }

    /// Text the core trims before it uses it (codes, receipts, references): a scanner's CR or LF
    /// suffix around it is normalised away, not refused; inside it, it is refused.
    func trimmedText(_ value: String, _ field: TextField) -> Refusal? { text(value.trimmingSpaces, field) }

    func currency(_ amount: Money) -> Refusal? {
        amount.currency == currency ? nil : .currencyMismatch(expected: currency.code, found: amount.currency.code)
    }

    func money(_ amount: Money) -> Refusal? {
        if let mismatch = currency(amount) { return mismatch }
        return ValueLimits.contains(amount: amount) ? nil : .valueOutOfRange(value: .amount, text: amount.plain, currency: currency)
    }

    func quantity(_ quantity: Quantity) -> Refusal? {
        ValueLimits.contains(quantity: quantity) ? nil
            : .valueOutOfRange(value: .quantity, text: quantity.description, currency: currency)
    }

    func user(_ user: User) -> Refusal? {
        text(user.code, .userCode) ?? text(user.name, .userName)
    }

    func item(_ item: CatalogItem, _ taxClass: TaxClass) -> Refusal? {
        if let bad = text(item.sku, .sku) ?? text(item.name, .itemName) ?? item.barcodes.lazy.compactMap({ text($0, .barcode) }).first {
            return bad
        }
        if let bad = money(item.price) { return bad }
        guard (0...ValueLimits.maximumTaxRateBasisPoints).contains(taxClass.rateBasisPoints) else {
            return .valueOutOfRange(value: .taxRate, text: taxClass.rateText, currency: currency)
        }
        return nil
    }
}

extension RegisterState {
    /// The invariant after every action: an open sale or return holds only lines within range and
    /// totals at most `ValueLimits.maximumAmountMinor` (the bound that keeps every later sum exact).
    func totalRefusal() -> Refusal? {
        let currency = config.currency
        switch activity {
        case .selling(let draft):
            if let line = draft.lines.first(where: { !$0.voided && !ValueLimits.contains(quantity: $0.quantity) }) {
                return .valueOutOfRange(value: .quantity, text: line.quantity.description, currency: currency)
            }
            let gross = draft.totals.gross
            return ValueLimits.contains(amount: gross) ? nil : .valueOutOfRange(value: .total, text: gross.plain, currency: currency)
        case .blindReturn(let draft):
            if let line = draft.lines.first(where: { !ValueLimits.contains(quantity: $0.quantity) }) {
                return .valueOutOfRange(value: .quantity, text: line.quantity.description, currency: currency)
            }
            let total = draft.lines.map { $0.unitPrice.scaled(by: $0.quantity.thousandths, over: 1000) }.sum(currency)
            return ValueLimits.contains(amount: total) ? nil : .valueOutOfRange(value: .total, text: total.plain, currency: currency)
        case .idle, .findingSale, .refunding, .voiding:
            return nil
        }
    }
}
