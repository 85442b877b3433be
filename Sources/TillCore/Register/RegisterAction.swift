/// What happened: a key, a scan, a look-up's answer. Named for the event, not the intent.
public indirect enum RegisterAction: Hashable, Sendable, Codable {
    // Start-up and people
    case started(shift: ShiftRecord?, sequences: DocumentSequences)
    case signInRequested(code: String, pin: String)
    case signedIn(User, refundedThisShift: Money)
    /// The PIN check said no; `code` is who tried (the core keeps the attempt in the journal).
    case signInRefused(Refusal, code: String)
    case signOutRequested

    // Shift and reports
    case shiftOpenRequested(float: Money)
    case reportRequested(ReportKind)
    case shiftTotalsLoaded(ShiftTotals, ReportKind)
    /// The drawer counted for the Z report being closed.
    case cashCounted(CashCount)

    // Selling (and picking items for refunds and blind returns)
    /// A barcode scanned or a code (barcode or SKU) typed, with a quantity typed first.
    case codeEntered(String, quantity: Quantity?)
    case itemFound(CatalogItem, TaxClass, code: String, quantity: Quantity?, lowestRecentPrice: Money?)
    case itemNotFound(code: String)
    /// The code names an item a central revision dropped: refused naming who and which revision.
    case itemWithdrawn(ItemWithdrawal, code: String)
    case quantityChanged(line: Int, Quantity)
    case priceOverridden(line: Int, Money)
    case lineDiscounted(line: Int, Money)
    case lineVoided(line: Int)
    /// A tender; nil amount means "exactly what is due".
    case tendered(TenderKind, amount: Money?, reference: String?)
    /// NO RECEIPT during a sale: its receipt is stored, not printed. Pressed again, it prints after all.
    case noReceiptToggled
    /// The journal's answer to a store-credit tender: the credit note (nil: never issued) and the amount asked.
    case creditNoteLooked(number: String, note: CreditNote?, amount: Money?)

    // Refunds, blind returns, post-voids
    case refundStarted
    case blindReturnStarted
    case postVoidStarted
    case receiptEntered(String)
    case saleLoaded(ReturnableSale)
    case saleNotFound(reference: String)
    case refundQuantitySet(line: Int, Quantity)
    case reasonChosen(code: String)
    case refundTenderChosen(TenderKind?, reference: String?)
    case customerReferenceEntered(String)
    case confirmed
    /// The central journal answered request `request` (or the runtime gave up on it).
    case centralAnswered(request: Int64, CentralOutcome)
    /// What this till's journal holds of unverified refunds in `shift` (the per-shift offline
    /// limit counts from it, so a restart cannot reset it).
    case unverifiedRefundsCounted(shift: Int64, total: Money)
    /// The central journal reconciled an unverified refund: `conflict` nil when it fitted.
    case refundReconciled(RefundRecord, ReturnConflict?)
    /// The central journal's unreviewed refund conflicts (nil: none, or it could not be asked).
    case conflictsLoaded(ConflictNotice?)
    /// Unverified refunds whose sale the central journal still has not, after the bound of tries.
    case awaitingSaleLoaded(AwaitingSaleNotice)

    // Supervisor approval
    case approverPINEntered(code: String, pin: String)
    case approverVerified(User)
    case approverRefused(Refusal, code: String)
    /// The outside world could not do what was asked (a stored slip missing, the drawer not answering).
    case worldRefused(Refusal)
    /// A scanner device read a label the scanner layer refuses (a wrong check digit, an
    /// unreadable GS1 string): the core refuses it like a typed code, and keeps it in the journal.
    case scanRefused(Refusal)

    // Printer, drawer, the rest
    case reprintRequested(reference: String)
    /// The slip store's answer to `lookUpSlip`: the stored slip (nil: none), and what was asked for.
    case slipLoaded(StoredSlip?, asked: String)
    case drawerOpenRequested
    /// The drawer opened to pay out a refund's cash (see `OwedDrawerOpen`).
    case refundDrawerOpenRequested(refund: String)
    case slipPrinted(reference: String)
    case slipFailed(reference: String, cause: PrintFailure)
    case cancelled

    // Nothing lost by a key (see `Confirmation`, `ParkedSale`)
    /// The quit key: allowed at once when nothing is open, asked first otherwise.
    case quitRequested
    /// Put the open sale aside; `recallRequested` takes a parked sale back.
    case parkRequested
    case recallRequested(reference: String)
    /// The list of parked sales: asked for by `parkedSalesRequested`, answered by the journal.
    case parkedSalesRequested
    case parkedSalesLoaded([ParkedSale], nextNumber: Int64)
    /// Take tender `number` (1 = the first taken; nil: the last) off the open sale before it completes.
    case tenderRemoved(number: Int?)

    // Finding items by name
    case searchRequested(String)
    case itemsFound(query: String, [CatalogItem])
}

public enum ReportKind: String, Hashable, Sendable, Codable { case x, z }
