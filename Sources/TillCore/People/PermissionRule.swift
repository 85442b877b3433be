/// What a person must hold to do something. This is the one permission table: every register
/// action names its rule in `RegisterAction.permissionRule(during:)`, every command outside the
/// register (users, catalog) names its permission in `TillOperation`, and `Register.reduce`
/// checks the rule before the action's own code runs, so no path through the core skips it.
public enum PermissionRule: Hashable, Sendable {
    /// Moves no money and changes nothing kept: a look-up's answer, cancel, sign-in (which checks the PIN).
    case none
    /// The signed-in person must hold the permission.
    case holds(Permission)
    /// The signed-in person holds the permission, or an approver who holds it (and `approve`)
    /// enters code and PIN.
    case holdsOrApproved(Permission)

    public var permission: Permission? {
        switch self {
        case .none: return nil
        case .holds(let p), .holdsOrApproved(let p): return p
        }
    }
}

/// Things done outside the register (from the command line) that change users or the catalog.
/// The command asks an authorised person's code and PIN and checks this permission.
public enum TillOperation: String, Hashable, Sendable, CaseIterable {
    case addUser, unlockUser, importCatalog

    public var permission: Permission {
        switch self {
        case .addUser, .unlockUser: return .manageUsers
        case .importCatalog: return .importCatalog
        }
    }
}

extension Activity {
    /// The permission the activity in progress is done under (its steps need the same).
    public var permission: Permission? {
        switch self {
        case .idle: return nil
        case .selling: return .sell
        case .findingSale(.refund), .refunding: return .refundWithReceipt
        case .findingSale(.postVoid), .voiding: return .postVoid
        case .blindReturn: return .blindReturn
        }
    }
}

extension RegisterAction {
    /// The rule for this action while `activity` is in progress. Answers from the outside world
    /// (look-ups, PIN checks, printer) need none: the action that asked for them was checked.
    public func permissionRule(during activity: Activity) -> PermissionRule {
        switch self {
        case .started, .signInRequested, .signedIn, .signInRefused, .signOutRequested,
             .shiftTotalsLoaded, .itemFound, .itemNotFound, .itemWithdrawn, .saleLoaded, .saleNotFound,
             .approverPINEntered, .approverVerified, .approverRefused, .worldRefused, .scanRefused,
             .slipPrinted, .slipFailed, .cancelled, .quitRequested, .parkedSalesLoaded, .itemsFound,
             .parkedSalesRequested, .creditNoteLooked, .centralAnswered, .unverifiedRefundsCounted, .refundReconciled, .conflictsLoaded, .awaitingSaleLoaded:
            return .none
        case .parkRequested, .recallRequested, .tenderRemoved: return .holds(.sell)
        case .searchRequested:
            if case .blindReturn = activity { return .holds(.blindReturn) }
            return .holds(.sell)
        case .shiftOpenRequested: return .holds(.manageShift)
        // A clerk without the report's permission asks a supervisor (Register+ReportApproval).
        case .reportRequested(.x): return .holdsOrApproved(.xReport)
        case .reportRequested(.z), .cashCounted: return .holdsOrApproved(.zReport)
        case .codeEntered:
            if case .idle = activity { return .holds(.sell) }
            return activity.permission.map(PermissionRule.holds) ?? .none
        case .quantityChanged:
            if case .selling = activity { return .holds(.changeQuantity) }
            return activity.permission.map(PermissionRule.holds) ?? .none
        case .priceOverridden: return .holdsOrApproved(.overridePrice)
        case .lineDiscounted: return .holdsOrApproved(.discountLine)
        case .lineVoided: return .holds(.voidLine)
        case .tendered, .noReceiptToggled: return .holds(.sell)
        case .refundStarted: return .holds(.refundWithReceipt)
        case .postVoidStarted: return .holds(.postVoid)
        case .blindReturnStarted: return .holds(.blindReturn)
        case .receiptEntered, .refundQuantitySet, .reasonChosen, .refundTenderChosen, .customerReferenceEntered, .confirmed:
            return activity.permission.map(PermissionRule.holds) ?? .none
        case .reprintRequested, .slipLoaded: return .holds(.reprint)
        case .drawerOpenRequested: return .holds(.openDrawer)
        // Free once after an unprinted cash refund, else the holder or a supervisor (Register+RefundDrawer).
        case .refundDrawerOpenRequested: return .holdsOrApproved(.openDrawer)
        }
    }
}
