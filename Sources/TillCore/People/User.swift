/// A person who can sign in at the till. The PIN hash is the journal's business, never the core's.
public struct User: Hashable, Sendable, Codable {
    /// Short login code typed before the PIN, e.g. "1001".
    public var code: String
    public var name: String
    public var role: Role

    public init(code: String, name: String, role: Role) {
        self.code = code
        self.name = name
        self.role = role
    }
}
