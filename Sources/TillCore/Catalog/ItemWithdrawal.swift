/// An item a central catalog revision no longer contains: the till keeps it (old receipts print
/// its name, refunds of old sales go on), but it is not sold any more. Who published the
/// revision and its number are what the clerk is told.
public struct ItemWithdrawal: Hashable, Sendable, Codable {
    public var sku: String
    public var name: String
    /// The central revision that left it out.
    public var revision: Int64
    /// Who published that revision.
    public var by: String

    public init(sku: String, name: String, revision: Int64, by: String) {
        self.sku = sku
        self.name = name
        self.revision = revision
        self.by = by
    }
}
