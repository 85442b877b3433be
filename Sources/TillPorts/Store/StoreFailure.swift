import TillCore

/// What a store throws: a `Problem` (code, cause and remedy in English and Chinese), so the
/// runtime can pass any engine's failure on to the clerk without knowing the engine.
public protocol StoreFailure: Problem {
    /// The cause as told after a record was committed and something that followed failed
    /// (a print state): a store's own text may say "nothing was recorded", untrue then.
    var causeAfterCommit: LocalizedText { get }
}

extension StoreFailure {
    public var causeAfterCommit: LocalizedText { message }
}
