/// RFC 4180 output: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF ends a row.
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        // Work on bytes: "\r\n" is a single Character, and scanning bytes is faster anyway.
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
        else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
