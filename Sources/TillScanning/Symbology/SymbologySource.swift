import TillCore
/// How the symbology was known: the scanner said so, or the data looked like it.
public enum SymbologySource: String, Hashable, Sendable, Codable {
    case aimIdentifier, detected
}
