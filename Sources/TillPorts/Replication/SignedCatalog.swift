/// The catalog half of a central revision as the back office signed it: tax classes and items
/// exactly as stored (sorted-key JSON), with the chain user key's id and its HMAC over revision,
/// shop and both lists (`signingText`). `keyID` and `signature` are nil for a revision published
/// without a chain user key (before catalogs were signed, or by a back office without one).
public struct SignedCatalog: Hashable, Sendable {
    public var revision: Int64
    /// The shop it is for; nil for the whole chain.
    public var shop: String?
    public var taxClassesJSON: String
    public var itemsJSON: String
    public var keyID: String?
    public var signature: String?

    public init(revision: Int64, shop: String?, taxClassesJSON: String, itemsJSON: String, keyID: String?, signature: String?) {
        self.revision = revision
        self.shop = shop
        self.taxClassesJSON = taxClassesJSON
        self.itemsJSON = itemsJSON
        self.keyID = keyID
        self.signature = signature
    }

    /// What the signature covers. The revision and shop are in it, so a signed catalog cannot be
    /// stored again as a newer revision or as another shop's; each list is length-prefixed, so
    /// no text moved from one list to the other signs the same.
    public static func signingText(revision: Int64, shop: String?, taxClassesJSON: String, itemsJSON: String) -> String {
        "till-catalog-v1\n\(revision)\n\(shop ?? "*")\n"
            + "tax_classes=\(taxClassesJSON.utf8.count):\(taxClassesJSON)\n"
            + "items=\(itemsJSON.utf8.count):\(itemsJSON)\n"
    }

    public var signingText: String {
        Self.signingText(revision: revision, shop: shop, taxClassesJSON: taxClassesJSON, itemsJSON: itemsJSON)
    }
}
