import TillCore

/// Where typed or scanned text becomes an action. A scanner is a keyboard that types fast: its
/// burst plus Enter arrives here exactly as a clerk's typing does (a burst detector feeds this
/// same function).
public enum InputRouter {
    /// A code entered with Enter: an item to sell or return, a receipt while a sale is looked up,
    /// a line to pick during a refund — the core decides which. "3*CODE" multiplies, as does a
    /// quantity typed before QTY. nil for an empty line; a multiplier that is not a number is
    /// refused with the core's own refusal.
    public static func codeEntered(_ text: String, pendingQuantity: Quantity?) -> Result<RegisterAction, Refusal>? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        if let star = trimmed.firstIndex(where: { $0 == "*" || $0 == "×" }) {
            let head = String(trimmed[..<star]).trimmingSpaces
            let code = String(trimmed[trimmed.index(after: star)...]).trimmingSpaces
            guard let quantity = Quantity(parsing: head) else { return .failure(.quantityInvalid(text: head)) }
            return .success(.codeEntered(code, quantity: quantity))
        }
        return .success(.codeEntered(trimmed, quantity: pendingQuantity))
    }
}
