/// A question the till asks before doing something that cannot be undone from the keyboard
/// (cancelling an open sale, quitting in the middle of one). It is core state, not a screen
/// flag: `confirmed` does it, `cancelled` keeps everything as it was, and any other action
/// drops the question (the clerk went on with the sale).
public enum Confirmation: Hashable, Sendable, Codable {
    /// Cancel the open activity (a sale's lines are lost; an audit entry records them).
    case cancelActivity(ActivityKind)
    /// Quit the till: an open sale is parked first, so nothing is lost.
    case quit
}
