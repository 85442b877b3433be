/// Stable codes for problems that are enums: the case's name in snake_case
/// (`JournalError.diskFull(path:)` is `disk_full`), so a code cannot drift from the case it names
/// and a new case has one without a table to forget. Only for enums that are not
/// `CustomStringConvertible` (their description would replace a payload-free case's name).
public enum ProblemCode {
    public static func caseName(of value: Any) -> String {
        let name = Mirror(reflecting: value).children.first?.label ?? String(describing: value)
        return snakeCase(name.prefix { $0 != "(" })
    }

    static func snakeCase(_ name: Substring) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
