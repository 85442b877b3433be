import TillCore

/// Turns a scan's bytes into a `ScanInterpretation`. Pure: the same bytes and rules always give
/// the same answer, so the screen, `till scanner test` and the tests agree.
public struct ScanInterpreter: Sendable {
    /// In-store EAN-13 layouts (prefixes 20–29), tried in order.
    public var embeddedRules: [EmbeddedRule]

    public init(embeddedRules: [EmbeddedRule] = []) {
        self.embeddedRules = embeddedRules
    }

    public func interpret(_ bytes: [UInt8]) -> ScanInterpretation {
        var trimmed = bytes[...]
        while let last = trimmed.last, last == 0x0D || last == 0x0A { trimmed = trimmed.dropLast() }
        // Latin-1: one byte, one character, so nothing is lost when a scanner sends non-ASCII.
        let text = String(String.UnicodeScalarView(trimmed.map { Unicode.Scalar($0) }))
        var scan: ScanInterpretation
        if let (aim, data) = AIMIdentifier.split(text) {
            scan = ScanInterpretation(raw: Array(trimmed), aim: aim, data: data,
                                      symbology: aim.symbology(forData: data), symbologySource: .aimIdentifier)
        } else {
            scan = ScanInterpretation(raw: Array(trimmed), aim: nil, data: text,
                                      symbology: Self.detect(text), symbologySource: .detected)
        }
        guard !scan.data.isEmpty else {
            scan.problem = .empty
            return scan
        }
        switch scan.symbology {
        case .ean13, .upcA, .ean8, .itf14: checkGTIN(&scan)
        case .upcE: checkUPCE(&scan)
        case .itf: checkITF(&scan)
        case .code39: checkCode39(&scan)
        case .gs1_128, .gs1DataBar, .gs1DataMatrix, .gs1QR: readGS1(&scan)
        case .code128, .code93, .codabar, .dataMatrix, .qr, .eanAddOn, .other: scan.lookupCode = scan.data
        }
        return scan
    }

    /// The symbology of data sent without an AIM identifier, from its shape alone.
    static func detect(_ text: String) -> Symbology {
        if text.first == GS1Parser.groupSeparator { return .gs1_128 }
        guard text.isAllASCIIDigits else { return .other }
        switch text.count {
        case 13: return .ean13
        case 12: return .upcA
        case 14: return .itf14
        case 6, 7: return .upcE
        case 8:
            // EAN-8 and UPC-E both have 8 digits: the check digit that fits decides.
            if case .valid = GTIN.verify(text) { return .ean8 }
            if let upcA = UPCE.expand(text), case .valid = GTIN.verify(upcA) { return .upcE }
            return .ean8
        default: return .other
        }
    }

    private func checkGTIN(_ scan: inout ScanInterpretation) {
        var code = scan.data
        // ]E3: EAN/UPC with a 2- or 5-digit add-on appended.
        if scan.aim?.code == "E", scan.aim?.modifier == "3", [15, 18].contains(code.count) {
            scan.addOn = String(code.dropFirst(13))
            code = String(code.prefix(13))
        }
        let lengths: [Symbology: Set<Int>] = [.ean13: [13], .upcA: [12, 13], .ean8: [8], .itf14: [14]]
        guard code.isAllASCIIDigits, lengths[scan.symbology]!.contains(code.count) else {
            scan.problem = .malformed(symbology: scan.symbology, data: scan.data)
            return
        }
        guard verify(code, &scan) else { return }
        scan.lookupCode = code
        if scan.symbology == .ean13, let rule = embeddedRules.first(where: { $0.matches(code) }) {
            let value = rule.decode(code)
            scan.embedded = value
            if case .wrong(let expected, let found) = value.valueCheck {
                scan.problem = .valueCheckDigitWrong(code: code, expected: expected, found: found)
                scan.lookupCode = nil
                return
            }
            scan.lookupCode = value.lookupCode
            scan.quantity = value.weight
        }
    }

    /// Verifies a GS1 mod-10 check digit, recording the verdict and any problem.
    private func verify(_ code: String, _ scan: inout ScanInterpretation) -> Bool {
        switch GTIN.verify(code) {
        case .valid:
            scan.checkDigit = .valid
            return true
        case .wrongCheckDigit(let expected, let found):
            scan.checkDigit = .wrong(expected: expected, found: found)
            scan.problem = .checkDigitWrong(code: code, expected: expected, found: found)
            return false
        case .notGTIN:
            scan.problem = .malformed(symbology: scan.symbology, data: code)
            return false
        }
    }

    private func checkUPCE(_ scan: inout ScanInterpretation) {
        guard let upcA = UPCE.expand(scan.data) else {
            scan.problem = .malformed(symbology: .upcE, data: scan.data)
            return
        }
        switch GTIN.verify(upcA) {
        case .wrongCheckDigit(let expected, let found):
            scan.checkDigit = .wrong(expected: expected, found: found)
            scan.problem = .checkDigitWrong(code: scan.data, expected: expected, found: found)
        default:
            scan.checkDigit = scan.data.count == 8 ? .valid : .notApplicable
            scan.lookupCode = upcA
        }
    }

    private func checkITF(_ scan: inout ScanInterpretation) {
        guard scan.data.isAllASCIIDigits, scan.data.count % 2 == 0 else {
            scan.problem = .malformed(symbology: .itf, data: scan.data)
            return
        }
        if scan.aim?.itfCheckDigitTransmitted == true {
            let digits = scan.data.digitValues
            let expected = GTIN.checkDigit(forBody: Array(digits.dropLast()))
            guard expected == digits.last! else {
                scan.checkDigit = .wrong(expected: expected, found: digits.last!)
                scan.problem = .checkDigitWrong(code: scan.data, expected: expected, found: digits.last!)
                return
            }
            scan.checkDigit = .valid
        }
        scan.lookupCode = scan.data
    }

    private func checkCode39(_ scan: inout ScanInterpretation) {
        guard scan.aim?.code39CheckCharacterTransmitted == true else {
            scan.lookupCode = scan.data
            return
        }
        let body = String(scan.data.dropLast())
        guard let found = scan.data.last, let expected = Code39.checkCharacter(for: body) else {
            scan.problem = .malformed(symbology: .code39, data: scan.data)
            return
        }
        guard expected == found else {
            scan.checkDigit = .wrongCharacter(expected: expected, found: found)
            scan.problem = .code39CheckWrong(code: scan.data, expected: expected, found: found)
            return
        }
        scan.checkDigit = .valid
        scan.lookupCode = body
    }

    private func readGS1(_ scan: inout ScanInterpretation) {
        switch GS1Parser.parse(scan.data) {
        case .failure(let failure):
            scan.problem = .gs1Unreadable(data: scan.data, failure: failure)
        case .success(let elements):
            scan.gs1 = elements
            scan.quantity = elements.lazy.compactMap(\.netWeightKilograms).first
            guard let gtin = elements.first(where: { $0.ai == "01" })?.data else {
                scan.problem = .gs1WithoutGTIN(data: scan.data)
                return
            }
            guard verify(gtin, &scan) else { return }
            // GTIN-14 with indicator 0 is the EAN-13 (or UPC-A) the catalog lists.
            scan.lookupCode = gtin.hasPrefix("0") ? String(gtin.dropFirst()) : gtin
        }
    }
}
