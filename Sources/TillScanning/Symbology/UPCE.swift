import TillCore
/// UPC-E is a zero-suppressed UPC-A: catalogs list the UPC-A, so the till expands before lookup.
public enum UPCE {
    /// Expands a UPC-E code to its 12-digit UPC-A. Accepts 6 digits (number system 0 assumed,
    /// check digit computed), 7 (number system + 6) or 8 (with check digit, returned as read, so
    /// a wrong one is caught by the GTIN check of the result). Nil for anything else.
    public static func expand(_ code: String) -> String? {
        guard code.isAllASCIIDigits, (6...8).contains(code.count) else { return nil }
        let digits = code.digitValues
        let numberSystem = code.count == 6 ? 0 : digits[0]
        guard numberSystem == 0 || numberSystem == 1 else { return nil }
        let d = code.count == 6 ? digits : Array(digits[1...6])
        let body: [Int]
        switch d[5] {
        case 0, 1, 2: body = [numberSystem, d[0], d[1], d[5], 0, 0, 0, 0, d[2], d[3], d[4]]
        case 3: body = [numberSystem, d[0], d[1], d[2], 0, 0, 0, 0, 0, d[3], d[4]]
        case 4: body = [numberSystem, d[0], d[1], d[2], d[3], 0, 0, 0, 0, 0, d[4]]
        default: body = [numberSystem, d[0], d[1], d[2], d[3], d[4], 0, 0, 0, 0, d[5]]
        }
        let check = code.count == 8 ? digits[7] : GTIN.checkDigit(forBody: body)
        return (body + [check]).map(String.init).joined()
    }
}
