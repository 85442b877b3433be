import TillCore

// What a till does with a central revision (`till central publish`, README "A central
// journal"): the revision is the whole catalog and the whole user list of the shop or chain, so
// after a pull the till sells exactly the revision's items and lets exactly its users sign in.
// What the revision leaves out is not deleted: it becomes a chained withdrawal, so old receipts
// still name it and refunds of old sales of it still work.

/// A catalog that central revisions manage.
public protocol PublishedCatalogStore: CatalogStore, PublicationCursor {
    /// The item `code` (barcode or SKU) names, if a revision withdrew it (nil: for sale, or unknown).
    func withdrawal(code: String) throws -> ItemWithdrawal?
    /// Withdraws, as one chained entry naming `by` and `revision`, every item for sale whose SKU
    /// is not in `keeping`. Returns how many were withdrawn.
    @discardableResult
    func withdrawItems(keeping: Set<String>, revision: Int64, by: String) throws -> Int
    /// Checks the revision's catalog signature with the till's chain user key before anything of
    /// it is applied; throws (a specific problem, writing nothing) when it is unsigned, signed
    /// with another key or does not verify. A till without a chain user key cannot check and
    /// takes it as it comes (README, "A central journal").
    func checkPublishedCatalog(_ catalog: SignedCatalog) throws
}

/// A user as the back office publishes it. `pinHash` is the chain's hash
/// (`pbkdf2-sha256-chain$ROUNDS$SALT$HASH`: PBKDF2 over HMAC(chain user key, PIN)), never a PIN.
public struct PublishedUser: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var role: Role
    public var pinHash: String

    public init(code: String, name: String, role: Role, pinHash: String) {
        self.code = code
        self.name = name
        self.role = role
        self.pinHash = pinHash
    }
}

/// A revision's user list exactly as stored centrally, with its signature: `usersJSON` is the
/// signed text itself (never re-encoded), so what the till checks is byte for byte what the back
/// office signed.
public struct PublishedUserSet: Hashable, Sendable {
    public var revision: Int64
    /// The shop it is for; nil for the whole chain.
    public var shop: String?
    public var usersJSON: String
    /// Names the chain user key that signed it (`ChainUserKey.id`).
    public var keyID: String
    /// HMAC-SHA256 under the chain user key of `signingText`, lower-case hex.
    public var signature: String
    /// Who published it.
    public var by: String

    public init(revision: Int64, shop: String?, usersJSON: String, keyID: String, signature: String, by: String) {
        self.revision = revision
        self.shop = shop
        self.usersJSON = usersJSON
        self.keyID = keyID
        self.signature = signature
        self.by = by
    }

    /// What the signature covers: the revision and shop too, so a signed list cannot be stored
    /// again as a newer revision, or as another shop's.
    public static func signingText(revision: Int64, shop: String?, usersJSON: String) -> String {
        "till-users-v1\n\(revision)\n\(shop ?? "*")\n" + usersJSON
    }

    public var signingText: String { Self.signingText(revision: revision, shop: shop, usersJSON: usersJSON) }
}

/// Users that central revisions manage.
public protocol PublishedUserStore: AnyObject, Sendable {
    /// Checks the set's signature with the till's chain user key, then makes the till's users
    /// exactly the set: each user new or different (name, role, PIN) a chained entry, each user
    /// the set leaves out a chained removal; all in one transaction. A wrong-PIN lock stays (it
    /// is this till's). Returns the number of users changed. Throws, writing nothing, when the
    /// signature does not verify or the till has no (or another) chain user key.
    @discardableResult
    func applyPublishedUsers(_ set: PublishedUserSet) throws -> Int
}
