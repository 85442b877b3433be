import TillCore

/// How long a PIN must be, per role (`[security] min_pin_length` in the configuration). A PIN is
/// 4 to 8 digits; supervisors and admins, who approve refunds and change users, need 6 by default.
public struct PinPolicy: Hashable, Sendable {
    public static let digits = 4...8
    public var minimumLength: [Role: Int]

    public init(minimumLength: [Role: Int]) { self.minimumLength = minimumLength }

    public static let standard = PinPolicy(minimumLength: [.clerk: 4, .trainer: 4, .technician: 4, .supervisor: 6, .admin: 6])

    public func minimum(for role: Role) -> Int {
        max(Self.digits.lowerBound, min(Self.digits.upperBound, minimumLength[role] ?? Self.digits.lowerBound))
    }

    /// Nil if `pin` is acceptable for `role`, else the error naming the rule.
    func problem(_ pin: String, role: Role) -> JournalError? {
        let least = minimum(for: role)
        guard pin.count >= least, pin.count <= Self.digits.upperBound, pin.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
        else { return .pinFormat(role: role.rawValue, minimum: least) }
        return nil
    }
}
