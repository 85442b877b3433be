import TillCore

/// What only the screen knows: the line being typed, which prompt is up, the language, the
/// message shown, which row is picked. Everything else is drawn from the core's `RegisterState`.
public struct ScreenState: Hashable, Sendable {
    public var language: Language
    public var keymap: KeyMap
    /// Where the printer puts slips, shown to the clerk ("Printed slips go to: …").
    public var slipFolder: String
    public var input = ""
    public var login: CredentialStage = .code
    public var approver: CredentialStage = .code
    /// "2 ×": a quantity typed and QTY pressed, waiting for the code it multiplies.
    public var pendingQuantity: Quantity?
    /// A card tender waiting for the terminal's approval code (the amount typed, or nil for all due).
    public var cardTender: CardTender?
    /// Where the clerk is in a refund, return without receipt or post-void.
    public var step: FlowStep = .items
    /// The picked row: a sale line (index among lines) or a refund line; nil when none.
    public var selection: Int?
    /// The highlighted entry of a reason or tender list.
    public var listChoice = 0
    public var message: ScreenMessage?
    /// A report slip shown on screen (as printed), until closed.
    public var report: [String]?
    public var reportScroll = 0
    public var lastRefund: RefundOutcome?
    /// The activity seen after the last action, to reset the steps when it changes.
    public var seenActivity: ActivityKind?
    public var quitRequested = false
    /// The on-screen keypad (nil: none configured), the page shown, and whether it was asked
    /// for with the keypad key (it is shown anyway when the screen is wide enough).
    public var keypad: KeypadLayout?
    public var keypadPage = ""
    public var keypadToggled = false
    /// The keypad key to draw pressed: the last key pressed, by mouse, touch or keyboard.
    public var flash: KeypadAction?
    /// What each key of a programmable keyboard sends, by its `ScreenKey.programmed` index.
    public var programmedKeys: [KeypadAction] = []
    /// The customer display emulated on screen: in the customer's language; nil when a real
    /// display is configured (or none), so no panel is drawn.
    public var customerPanel: Language?
    /// The list of parked sales is open (RECALL), drawn from the core's `parked`.
    public var recallOpen = false
    /// A code whose price the clerk asked for (PRICE?), until the runner has looked it up.
    public var priceCheck: String?
    /// A live drill's story, kept on screen for the whole drill (`DrillStoryRows`).
    public var drillStory: LocalizedText?
    /// The terminal's size as last drawn: where a mouse press lands depends on it.
    public var screenRows = 24
    public var screenCols = 80

    public init(language: Language, keymap: KeyMap = .standard, slipFolder: String) {
        self.language = language
        self.keymap = keymap
        self.slipFolder = slipFolder
    }
}

public enum CredentialStage: Hashable, Sendable {
    case code
    case pin(code: String)
}

/// A tender waiting for its reference: a card's approval code, or (store credit) the credit note's number.
public struct CardTender: Hashable, Sendable {
    public var amount: Money?
    public var kind: TenderKind = .card
}

public enum FlowStep: Hashable, Sendable {
    case items, reason, tender, customer, confirm
}

public struct RefundOutcome: Hashable, Sendable {
    public var number: String
    public var total: Money
    public var tenders: [Tender]
}

/// The message line: the core's refusal (kept whole, so it follows a language switch), any
/// other layer's problem (kept in both languages), or a note from the screen.
public enum ScreenMessage: Hashable, Sendable {
    case refusal(Refusal)
    case failure(ProblemReport)
    case info(LocalizedText)

    public func lines(_ lang: Language) -> (text: String, remedy: String?, alert: Bool) {
        switch self {
        case .refusal(let refusal): return (refusal.message(lang), refusal.remedy(lang), true)
        case .failure(let problem): return (problem.message(lang), problem.remedy(lang), true)
        case .info(let text): return (text.text(lang), nil, false)
        }
    }
}
