/// Work the core asks the outside world to do. The runtime performs it and may answer with
/// another action (a look-up's result, a PIN check's verdict).
public enum RegisterEffect: Hashable, Sendable {
    /// What a PIN is checked for. `training` is the trainer's PIN at `till drill`/`till run --training`
    /// (checked by the command, audited by the core's `TrainerAuthorization`), never a till effect.
    public enum CredentialPurpose: String, Hashable, Sendable { case signIn, approval, training }

    case verifyCredentials(code: String, pin: String, purpose: CredentialPurpose)
    /// Find an item by barcode or SKU; `lowestPriceDays` asks for its lowest unit price sold in that many days.
    case lookUpItem(code: String, quantity: Quantity?, lowestPriceDays: Int64?)
    case lookUpSale(DocumentNumber)
    /// Ask the central journal for a sale made elsewhere; answered by `centralAnswered(request:)`.
    case lookUpCentrally(request: Int64, DocumentKey)
    /// Reserve a refund at the central journal before recording it; answered by `centralAnswered(request:)`.
    case reserveRefund(request: Int64, RefundReservation)
    /// A supervisor signed in: ask the central journal for unreviewed refund conflicts, in the
    /// background; answered by `conflictsLoaded` (nothing waits for it).
    case lookUpConflicts
    /// Drop a reservation the till will not commit (Esc, or no answer in time).
    case releaseReservation(RefundReservation)
    /// Find catalog items matching a name or SKU (`ItemSearch.results`); answered by `itemsFound`.
    case searchItems(query: String)
    /// Read this till's parked sales from the journal; answered by `parkedSalesLoaded`.
    case loadParkedSales
    /// Find a credit note's balance, for a store-credit tender of `amount` (nil: what is due).
    case lookUpCreditNote(number: String, amount: Money?)
    case loadShiftTotals(shift: Int64, ReportKind)
    /// Keep this in the journal, atomically.
    case record(JournalRecord)
    /// Print this slip (already recorded with its document, if it has one).
    case print(SlipDocument)
    /// Keep this stored slip unprinted on purpose (the customer wanted no receipt): its print
    /// state becomes `notRequested`, so nothing nags about it and a reprint prints the original.
    case leaveUnprinted(reference: String)
    /// Read a stored slip for a reprint (`reference` normalised, `asked` as typed); answered by `slipLoaded`.
    case lookUpSlip(reference: String, asked: String)
    /// Print a stored slip again: `document` as the core decided (the original, or marked COPY),
    /// `before` its print state when the reprint started (see `PrintState.after(printing:)`).
    case reprint(SlipDocument, reference: String, before: PrintState)
    case openDrawer
    /// Tell whoever watches (screen, `till exec`, a drill) what happened.
    case emit(RegisterEvent)
}

/// Things that happened, for the screen, `till exec` output and drills.
public enum RegisterEvent: Hashable, Sendable, Codable {
    case refused(Refusal)
    case signedIn(User)
    case signedOut
    case shiftOpened(Int64)
    case lineAdded(SaleLine)
    case lineChanged(SaleLine)
    case tenderAccepted(Tender, due: Money)
    case saleCompleted(receipt: String, total: Money, change: Money)
    /// NO RECEIPT pressed: `on` true when the open sale will not print its receipt.
    case noReceiptChosen(on: Bool)
    case saleFound(receipt: String, returnable: [ReturnableLineSummary])
    /// "Looking up at the central journal…": the screen stays usable (Esc stops waiting).
    case centralLookupStarted(DocumentKey)
    /// The refund is being checked (reserved) at the central journal.
    case centralCheckStarted(refund: String, sale: DocumentKey)
    /// Unreviewed refund conflicts wait for a supervisor (`till central conflicts` lists them).
    case conflictsWaiting(ConflictNotice)
    /// Unverified refunds wait for a sale the central journal has not received (`AwaitingSaleNotice`).
    case refundsAwaitingSale(AwaitingSaleNotice)
    case refundQuantityChosen(line: Int, quantity: Quantity, amount: Money)
    /// How the refund in progress would pay out if confirmed now (`RefundSplit`): after every
    /// change of its lines or tender, so the split is seen before confirm.
    case refundSplitShown(RefundSplit)
    /// A credit note paid `amount` of the sale; `left` is its balance after this sale.
    case creditNoteRedeemed(number: String, amount: Money, left: Money)
    /// A supervisor is asked; `amount` is what the PIN approves (nil when no money moves yet).
    case approvalNeeded(ApprovalReason, amount: Money?)
    case approvalGranted(by: String, reason: ApprovalReason)
    case refundCompleted(number: String, total: Money, tenders: [Tender])
    case postVoidCompleted(number: String, total: Money)
    case reportPrinted(ReportKind, reference: String, net: Money)
    /// The Z report asks for the drawer to be counted; `expected` is float plus cash taken less given back.
    case cashCountNeeded(expected: Money)
    /// Counted: Enter (confirm) closes the shift and prints the Z report with these figures.
    case cashCountTaken(expected: Money, counted: Money, overShort: Money)
    case slipPrinted(reference: String)
    case slipNotPrinted(reference: String, cause: PrintFailure)
    case cancelled(ActivityKind)
    case drawerOpened
    /// A question to answer with confirm (Enter) or cancel (Esc) before going on.
    case confirmationNeeded(Confirmation)
    /// The question was answered no: everything stays as it was.
    case confirmationDismissed
    /// Quitting is safe now (nothing open, or the open sale was parked).
    case quitAllowed
    case saleParked(reference: String, lines: Int, total: Money)
    case saleRecalled(reference: String)
    case parkedSalesListed([ParkedSale])
    /// A tender taken off the sale; a card's must be reversed on the card terminal.
    case tenderRemoved(Tender, due: Money)
    case itemsFound(ItemSearch)
    case searchClosed
}

/// A line as a refund clerk sees it after the look-up.
public struct ReturnableLineSummary: Hashable, Sendable, Codable {
    public var line: Int
    public var sku: String
    public var name: String
    public var sold: Quantity
    public var remaining: Quantity
    public var paid: Money
}
