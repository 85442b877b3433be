import TillCore

/// What a store throws: the cause and the remedy, in English and Chinese, so the runtime can
/// pass any engine's failure on to the clerk without knowing the engine.
public protocol StoreFailure: Error {
    var message: LocalizedText { get }
    var remedy: LocalizedText { get }
    /// The cause as told after a record was committed and something that followed failed
    /// (a print state): a store's own text may say "nothing was recorded", untrue then.
    var causeAfterCommit: LocalizedText { get }
}

extension StoreFailure {
    public var causeAfterCommit: LocalizedText { message }
}
