/// Code 39's optional mod-43 check character.
public enum Code39 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%")

    /// The check character for `data` (Code 39's own 43 characters only); nil otherwise.
    public static func checkCharacter(for data: String) -> Character? {
        var sum = 0
        for c in data {
            guard let value = alphabet.firstIndex(of: c) else { return nil }
            sum += value
        }
        return alphabet[sum % 43]
    }
}
