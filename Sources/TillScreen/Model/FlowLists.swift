import TillCore

/// The lists a clerk picks from during a refund, return or post-void: straight from the
/// configured policy, so the screen offers exactly what the core will check.
enum FlowLists {
    static func reasons(_ state: RegisterState) -> [ReasonCode] {
        if case .voiding = state.activity { return state.config.policy.voidReasons }
        return state.config.policy.refundReasons
    }

    /// nil stands for "the original tender(s)", the policy's default for refunds with receipt.
    static func tenders(_ state: RegisterState) -> [TenderKind?] {
        switch state.activity {
        case .blindReturn: return state.config.policy.blindReturn.tenders.map { Optional($0) }
        default: return [nil, .cash, .card, .storeCredit]
        }
    }

    static func tenderLabel(_ kind: TenderKind?, _ state: RegisterState) -> LocalizedText {
        guard let kind else {
            if case .refunding(let draft) = state.activity {
                let kinds = draft.source.sale.tenders.map(\.kind).reduce(into: [TenderKind]()) { if !$0.contains($1) { $0.append($1) } }
                let en = kinds.map(\.label.en).joined(separator: " + "), zh = kinds.map(\.label.zh).joined(separator: "+")
                return t("\(ScreenText.originalTender.en) (\(en))", "\(ScreenText.originalTender.zh)（\(zh)）")
            }
            return ScreenText.originalTender
        }
        return kind.label
    }

    /// The steps of the activity in progress, in order (a post-void has no tender to choose).
    static func steps(_ state: RegisterState) -> [FlowStep] {
        if case .voiding = state.activity { return [.items, .reason, .confirm] }
        // A return without receipt asks who the customer is when the shop's policy wants it.
        if case .blindReturn = state.activity, state.config.policy.blindReturn.requireCustomerReference {
            return [.items, .reason, .tender, .customer, .confirm]
        }
        return [.items, .reason, .tender, .confirm]
    }
}
