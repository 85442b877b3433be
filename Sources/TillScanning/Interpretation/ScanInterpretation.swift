import TillCore

/// What one scan means: the code the catalog is asked for, an embedded weight as quantity, and
/// everything a technician or the screen wants to show (symbology, check verdict, GS1 fields).
public struct ScanInterpretation: Hashable, Sendable {
    /// The bytes as the scanner sent them, suffix removed.
    public var raw: [UInt8]
    public var aim: AIMIdentifier?
    /// The data without the AIM identifier.
    public var data: String
    public var symbology: Symbology
    public var symbologySource: SymbologySource
    public var checkDigit: CheckDigitVerdict = .notApplicable
    /// What to look up in the catalog (UPC-E expanded, (01) GTIN, an in-store code's base barcode).
    public var lookupCode: String?
    /// A weight carried by the barcode (in-store EAN-13, GS1 (310x)), in thousandths of a kg.
    public var quantity: Quantity?
    public var embedded: EmbeddedValue?
    public var gs1: [GS1Element] = []
    /// An EAN/UPC 2- or 5-digit add-on (periodicals), shown but not looked up.
    public var addOn: String?
    public var problem: ScanProblem?

    /// The register action for this scan. A weight in the barcode wins over a typed quantity
    /// (the scale weighed it); otherwise the quantity typed before the scan is kept.
    public func registerAction(typedQuantity: Quantity? = nil) -> Result<RegisterAction, ScanProblem> {
        if let problem { return .failure(problem) }
        guard let lookupCode else { return .failure(.empty) }
        return .success(.codeEntered(lookupCode, quantity: quantity ?? typedQuantity))
    }

    /// Embedded price in minor units (price-embedded in-store codes), for display: the core's
    /// `codeEntered` carries no price, so the screen shows it and the catalog price applies.
    public var embeddedPriceMinor: Int64? { embedded?.priceMinor }
}
