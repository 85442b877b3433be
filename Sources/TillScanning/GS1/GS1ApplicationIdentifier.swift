/// What the till knows about GS1 application identifiers: how many digits the AI has, whether
/// its data has a predefined length (then no GS follows it), and a name for display.
/// Lengths follow the GS1 General Specifications' table of AIs by their first two digits.
public enum GS1AI {
    /// How many digits the AI beginning with these two digits has; nil for unassigned prefixes.
    static func aiLength(prefix: Int) -> Int? {
        switch prefix {
        case 0...22, 30, 37, 90...99: return 2
        case 23...29, 40...42, 71: return 3
        case 31...36, 39, 43, 70, 72, 80...82: return 4
        default: return nil
        }
    }

    /// Data length of AIs with a predefined length (by the AI's first two digits), in digits.
    static func fixedDataLength(prefix: Int) -> Int? {
        switch prefix {
        case 0: return 18
        case 1, 2, 3: return 14
        case 4: return 16
        case 11...19: return 6
        case 20: return 2
        case 31...36: return 6
        case 41: return 13
        default: return nil
        }
    }

    /// Most AIs with variable length have a maximum; these are the ones the till meets.
    static func maximumDataLength(_ ai: String) -> Int {
        switch ai {
        case "10", "21", "22": return 20
        case "30", "37": return 8
        case "240", "241", "400", "401", "403": return 30
        default: return ai.hasPrefix("392") || ai.hasPrefix("393") ? 15 : 90
        }
    }

    /// Data titles as GS1 prints them in human-readable text.
    public static func title(_ ai: String) -> String {
        switch ai {
        case "00": return "SSCC"
        case "01": return "GTIN"
        case "02": return "CONTENT"
        case "10": return "BATCH/LOT"
        case "11": return "PROD DATE"
        case "13": return "PACK DATE"
        case "15": return "BEST BEFORE"
        case "16": return "SELL BY"
        case "17": return "USE BY/EXPIRY"
        case "20": return "VARIANT"
        case "21": return "SERIAL"
        case "30": return "VAR. COUNT"
        case "37": return "COUNT"
        case "400": return "ORDER NUMBER"
        case "410", "414": return "GLN"
        default: break
        }
        if ai.count == 4 {
            switch ai.prefix(3) {
            case "310": return "NET WEIGHT (kg)"
            case "320": return "NET WEIGHT (lb)"
            case "330": return "GROSS WEIGHT (kg)"
            case "392": return "PRICE"
            case "393": return "PRICE (ISO currency)"
            default: break
            }
        }
        return "AI \(ai)"
    }
}
