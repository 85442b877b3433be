/// The GS1 check digit over a 4- or 5-digit price or weight inside an in-store EAN-13
/// (GS1 General Specifications, "check digit calculation for price/weight fields"). Scales
/// print it so a misread value digit is caught even when the EAN check digit happens to pass.
public enum PriceCheckDigit {
    // Weighting factors as lookup tables (digit -> weighted product digit).
    static let twoMinus = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7]   // 2-: units minus tens of d×2
    static let three = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7]      // 3: units of d×3
    static let fivePlus = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9]   // 5+: units plus tens of d×5
    static let fiveMinus = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1]  // 5-: units minus tens of d×5

    /// The check digit for 4 or 5 value digits; nil for other lengths.
    public static func digit(for value: [Int]) -> Int? {
        switch value.count {
        case 4:
            let sum = twoMinus[value[0]] + twoMinus[value[1]] + three[value[2]] + fiveMinus[value[3]]
            return (sum * 3) % 10
        case 5:
            let sum = fivePlus[value[0]] + twoMinus[value[1]] + fiveMinus[value[2]] + fivePlus[value[3]] + twoMinus[value[4]]
            let target = (10 - sum % 10) % 10
            return fiveMinus.firstIndex(of: target)
        default:
            return nil
        }
    }
}
