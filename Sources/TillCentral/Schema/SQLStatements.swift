import Foundation
/// Splits a schema step into its statements: postgres-nio sends one statement per query
/// (the extended protocol), and a step reads best as one script. Splits at `;` outside quotes
/// and `$$` bodies; whole-line `--` comments outside bodies are dropped.
enum SQLStatements {
    static func split(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inBody = false
        var inQuote = false
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            if !inBody, !inQuote, line.drop(while: { $0 == " " }).hasPrefix("--") { continue }
            var previous: Character = " "
            for char in line {
                current.append(char)
                if char == "$", previous == "$", !inQuote { inBody.toggle(); previous = " "; continue }
                if char == "'", !inBody { inQuote.toggle() }
                if char == ";", !inBody, !inQuote {
                    let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                    if statement.count > 1 { statements.append(statement) }
                    current = ""
                }
                previous = char
            }
            current.append("\n")
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }
}
