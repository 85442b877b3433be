/// The barcode families the till knows, the one list for all of it: what a scanner read (known
/// from its AIM symbology identifier when it sends one, otherwise guessed from the data), what a
/// slip prints (`printedOnSlips`) and what the symbol drawer and the virtual printer draw. Raw
/// values are the names profiles and slips store ("ean13", "code128").
public enum Symbology: String, Hashable, Sendable, Codable, CaseIterable {
    case ean13, ean8, upcA, upcE, eanAddOn
    case code128, gs1_128, code39, code93, codabar, itf, itf14
    case gs1DataBar, dataMatrix, gs1DataMatrix, qr, gs1QR
    case other

    /// The symbologies a slip may carry (`SlipContent.barcode`): every ESC/POS printer prints them.
    public static let printedOnSlips: [Symbology] = [.ean13, .ean8, .upcA, .code39, .code128, .itf]

    /// The name a technician reads in the scanner's manual.
    public var displayName: String {
        switch self {
        case .ean13: return "EAN-13"
        case .ean8: return "EAN-8"
        case .upcA: return "UPC-A"
        case .upcE: return "UPC-E"
        case .eanAddOn: return "EAN/UPC add-on"
        case .code128: return "Code 128"
        case .gs1_128: return "GS1-128"
        case .code39: return "Code 39"
        case .code93: return "Code 93"
        case .codabar: return "Codabar"
        case .itf: return "Interleaved 2 of 5"
        case .itf14: return "ITF-14"
        case .gs1DataBar: return "GS1 DataBar"
        case .dataMatrix: return "Data Matrix"
        case .gs1DataMatrix: return "GS1 DataMatrix"
        case .qr: return "QR Code"
        case .gs1QR: return "GS1 QR Code"
        case .other: return "unidentified"
        }
    }

    /// Symbologies whose data is a GS1 element string ((01) GTIN, (17) expiry, …).
    public var carriesGS1ElementString: Bool {
        switch self {
        case .gs1_128, .gs1DataBar, .gs1DataMatrix, .gs1QR: return true
        default: return false
        }
    }
}
