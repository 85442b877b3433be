/// Reads command bytes written the way the ESC/POS reference prints them ("FS &", "GS V 66",
/// "ESC t 0x10"), as profile files do for the multibyte mode switches.
public enum CommandMnemonic {
    static let names: [String: UInt8] = ["NUL": 0x00, "DLE": 0x10, "EOT": 0x04, "ESC": 0x1B, "FS": 0x1C, "GS": 0x1D, "LF": 0x0A, "SP": 0x20]

    /// nil when a token is neither a control name, a single character nor a number 0…255.
    public static func parse(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        for token in text.split(separator: " ") {
            let t = String(token)
            if let b = names[t] { out.append(b) }
            else if t.hasPrefix("0x"), let v = UInt8(t.dropFirst(2), radix: 16) { out.append(v) }
            else if t.count == 1, let a = t.unicodeScalars.first, a.isASCII, !("0"..."9").contains(t) { out.append(UInt8(a.value)) }
            else if let v = UInt8(t) { out.append(v) }
            else { return nil }
        }
        return out.isEmpty ? nil : out
    }
}
