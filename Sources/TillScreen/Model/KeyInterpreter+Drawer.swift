import TillCore

extension KeyInterpreter {
    /// The drawer key: after a cash refund whose slip did not print, it opens the drawer for that
    /// refund (free once for its clerk, `OwedDrawerOpen`); otherwise it is the ordinary open.
    static func drawerAction(_ state: RegisterState) -> RegisterAction {
        if let owed = state.owedDrawerOpen { return .refundDrawerOpenRequested(refund: owed.refund) }
        return .drawerOpenRequested
    }
}
