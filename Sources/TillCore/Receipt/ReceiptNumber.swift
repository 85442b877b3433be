/// Printed document numbers: a letter for the kind, the till, and the till's own sequence,
/// e.g. S01-000123 (sale), R01-000045 (refund), V01-000007 (post-void), Z01-000012 (Z report).
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    case sale = "S", refund = "R", postVoid = "V", zReport = "Z", shift = "H"
}

public struct DocumentNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public var kind: DocumentKind
    public var till: String
    public var sequence: Int64

    public init(kind: DocumentKind, till: String, sequence: Int64) {
        self.kind = kind
        self.till = till
        self.sequence = sequence
    }

    public var description: String {
        var digits = String(sequence)
        while digits.count < 6 { digits = "0" + digits }
        return kind.rawValue + till + "-" + digits
    }

    /// Parses "S01-000123" (any case, spaces ignored).
    public init?(parsing text: String) {
        let upper = text.trimmingSpaces.uppercased()
        guard let first = upper.first, let kind = DocumentKind(rawValue: String(first)) else { return nil }
        let rest = upper.dropFirst().split(separator: "-")
        guard rest.count == 2, !rest[0].isEmpty, rest[0].allSatisfy(\.isASCIIDigit),
              let seq = Int64(rest[1]), seq > 0, rest[1].allSatisfy(\.isASCIIDigit) else { return nil }
        self.init(kind: kind, till: String(rest[0]), sequence: seq)
    }
}
