/// How a refund with receipt pays out between tenders, exactly as confirming it now would record
/// and print it: each tender with its amount (a store-credit part already on the credit note it
/// will go on), the cash rounding and the total. The screen and `till exec` show this before
/// confirmation, and `confirmRefund` records this same value, so what a clerk (and a supervisor
/// approving the amount) saw is what is journaled and printed.
public struct RefundSplit: Hashable, Sendable, Codable {
    public var tenders: [Tender]
    /// Paid out minus the lines' value (negative: the customer gets a little less, to the coin).
    public var rounding: Money
    public var total: Money
    /// The approvals confirming it needs (over a limit, a tender substitution).
    public var approvals: [ApprovalReason]
}

extension RegisterState {
    /// The split the refund in progress would pay out if confirmed now; nil when no refund with
    /// receipt is open or no line is chosen yet, a refusal when the policy forbids the payout.
    public var refundSplit: Result<RefundSplit, Refusal>? {
        guard case .refunding(let draft) = activity else { return nil }
        return refundSplit(draft)
    }

    /// The one computation of a refund's split: the preview and the confirmation both call it.
    func refundSplit(_ draft: RefundDraft) -> Result<RefundSplit, Refusal>? {
        let lines = refundLines(draft)
        guard !lines.isEmpty else { return nil }
        return plannedPayout(draft, lines: lines).map { payout, substitutions in
            RefundSplit(tenders: withCreditNotes(payout.tenders), rounding: payout.rounding, total: payout.total,
                        approvals: limitChecks(payout.total) + substitutions)
        }
    }

    /// Tells whoever watches the split the refund now has (after a quantity or the tender changed).
    func emitRefundSplit(_ step: inout Step) {
        if case .success(let split)? = refundSplit { step.emit(.refundSplitShown(split)) }
    }
}
