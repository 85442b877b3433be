extension CentralSchema {
    /// Users published with a revision (`CatalogPublication`): the list as signed (JSON of
    /// `PublishedUser`, PINs only as chain hashes), the chain user key's id and the signature
    /// over revision, shop and list. NULL in a revision published without users.
    static let publishedUsers = (name: "v6-published-users", sql: #"""
    ALTER TABLE central_publication ADD COLUMN users text;
    ALTER TABLE central_publication ADD COLUMN users_key_id text;
    ALTER TABLE central_publication ADD COLUMN users_signature text;
    """#)
}
