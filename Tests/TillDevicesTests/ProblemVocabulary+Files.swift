import Foundation
import TillCore
@testable import TillDevices
@testable import TillEscPos
@testable import TillGraphics
@testable import TillJournal
@testable import TillScanning
@testable import TillScreen
@testable import TillVirtualPrinter
@testable import till

/// The errors of files, profiles, images, barcodes and keypads, every case generated: each enum
/// has an exhaustive `number` (a new case does not compile until it has one) and the vocabulary
/// test fails until its generator makes it.
extension ProblemVocabularyTests {
    /// Each generated family with its cases' numbers and how many cases it has.
    static func fileProblemFamilies(_ g: inout Payloads) -> [ProblemFamily] {
        let symbology = Symbology.allCases[g.rng.below(Symbology.allCases.count)]
        let profiles: [ProfileError] = [.unreadable(path: g.text(), reason: g.text()), .invalid(path: g.text(), problems: g.texts()),
                                        .idMismatch(path: g.text(), id: g.text()), .unknown(id: g.text(), known: g.texts())]
        let pngs: [PNGError] = [.notPNG, .truncated, .badCRC(chunk: "IDAT"), .missingHeader, .unsupported(g.text()), .interlaced,
                                .tooLarge(width: g.int(), height: g.int()), .corruptImageData(g.text())]
        let fonts: [BitmapFontError] = [.missingFile(g.text()), .malformedLine(path: g.text(), line: g.int())]
        let pdf: [PDF417Error] = [.empty, .tooMuchData(codewords: g.int()), .doesNotFit(codewords: g.int(), columns: 3, rows: 4)]
        let qr: [QRCodeError] = [.dataTooLong(bytes: g.int(), level: .high, maximumBytes: 1273)]
        let barcodes: [BarcodeError] = [.empty(symbology), .wrongLength(symbology, got: g.int(), allowed: [12, 13]),
                                        .invalidCharacter(symbology, byte: UInt8(g.rng.below(256)), position: g.int()),
                                        .checkDigitMismatch(symbology, given: 1, expected: 2), .oddDigitCount(got: 7),
                                        .code128MissingCodeSet, .code128BadEscape(position: g.int()), .notDrawn(symbology)]
        let images: [ImageLoadError] = [.missing(g.text()), .unknownFormat(g.text()), .tooWide(width: g.int(), dots: 576)]
        let nv: [NVStateError] = [.corrupt(path: g.text()), .unwritable(path: g.text(), reason: g.text())]
        let barcodeData: [BarcodeDataError] = [.invalidData(symbology, g.text()), .tooWide(symbology, modules: g.int(), dots: 576)]
        let commandSets: [CommandSetError] = [.unknown(g.text(), known: ["escpos"])]
        let overflows: [ShiftFigureOverflow] = [.shift(till: g.text(), shift: g.int64(), what: LocalizedText(en: "the net", zh: "净额")),
                                                .shop(shop: g.text(), what: LocalizedText(en: "the sales", zh: "销售"))]
        let rows: [CatalogRowProblem] = [
            .wrongColumnCount(found: g.int(), expected: 6), .unreadable(.unclosedQuote(openedOnLine: g.int())),
            .barcodeTaken(code: g.text(), ownerSKU: g.text()), .emptySKU, .duplicateSKU(sku: g.text(), firstLine: g.int()), .emptyName,
            .priceNotANumber(text: g.text()), .negativePrice(text: g.text()), .unknownTaxClass(id: g.text()),
            .barcodeCheckDigitWrong(code: g.text(), expected: 1, found: 2), .duplicateBarcode(code: g.text(), firstLine: g.int()),
            .notAYesNo(column: g.text(), text: g.text()), .controlCharacter(column: g.text(), character: "U+0007"),
            .priceOutOfRange(text: g.text(), maximum: "999999999.99"), .quotedAcrossLines(lastLine: g.int()),
            .codeAmbiguous(ItemCodeClash(itemCode: g.text(), barcodeOf: g.text(), skuOf: g.text())),
        ]
        let unknown = UnknownName(place: g.text(), name: g.text(), kind: LocalizedText(en: "key", zh: "按键"), known: g.texts())
        let displays: [DisplayProfileError] = [.unreadable(g.text()), .badField(g.text(), g.text(), g.text()), .unknownName(unknown)]
        let learned: [KeyboardMapProblem] = [.typesACharacter([0x61]), .tooLong(g.int()), .containsNUL, .mouseReport, .sameAs(g.text()),
                                             .tooManyKeys]
        let keypads: [KeypadFileError] = [.notJSON(g.text()), .bad(g.text(), g.text(), LocalizedText(en: "a number", zh: "数字")),
                                          .unknownName(unknown), .unreadable(g.text())]
        let keyMaps: [KeyMapProblem] = [.unknownCommand(g.text()), .unknownKey(command: g.text(), key: g.text()),
                                        .sameKey(g.text(), g.text(), g.text())]
        let publications: [PublicationProblem] = [.noUserKey(revision: g.rng.below(2) == 0 ? nil : g.int64()),
                                                  .otherUserKey(revision: g.int64(), signedWith: g.text(), ours: g.text()),
                                                  .signatureWrong(revision: g.int64()),
                                                  .userUnusable(revision: g.int64(), code: g.text(), why: g.text()),
                                                  .userKeyUnreadable(path: g.text(), cause: g.text()),
                                                  .catalogUnsigned(revision: g.int64()), .catalogSignatureWrong(revision: g.int64())]
        return [
            family("ProfileError", profiles, Self.number, 4), family("PNGError", pngs, Self.number, 8),
            family("BitmapFontError", fonts, Self.number, 2), family("PDF417Error", pdf, Self.number, 3),
            family("QRCodeError", qr, Self.number, 1), family("BarcodeError", barcodes, Self.number, 8),
            family("ImageLoadError", images, Self.number, 3), family("NVStateError", nv, Self.number, 2),
            family("BarcodeDataError", barcodeData, Self.number, 2), family("CommandSetError", commandSets, Self.number, 1),
            family("CatalogRowProblem", rows, Self.number, 16), family("DisplayProfileError", displays, Self.number, 3),
            family("KeyboardMapProblem", learned, Self.number, 6), family("KeypadFileError", keypads, Self.number, 4),
            family("KeyMapProblem", keyMaps, Self.number, 3), family("PublicationProblem", publications, Self.number, 7),
            family("ShiftFigureOverflow", overflows, Self.number, 2),
        ]
    }

    static func family<E: Problem>(_ name: String, _ cases: [E], _ number: (E) -> Int, _ count: Int) -> ProblemFamily {
        ProblemFamily(name: name, problems: cases.map { $0 as any Problem }, numbers: Set(cases.map(number)), cases: count)
    }

    struct ProblemFamily {
        var name: String
        var problems: [any Problem]
        var numbers: Set<Int>
        var cases: Int
    }

    /// The struct-shaped problems (one case each).
    static func fileProblemStructs(_ g: inout Payloads) -> [any Problem] {
        var problems: [any Problem] = [
            AddressError(g.text(), g.text()), FaultParseError(line: g.text(), why: g.text()),
            UnknownName(place: g.text(), name: g.text(), kind: LocalizedText(en: "action", zh: "动作"), known: g.texts()),
            ScannerProfiles.LoadError(file: g.text(), reason: g.text()), DevicesDirectory.NotFound(searched: g.texts()),
            NetworkProbe.RangeError(message: LocalizedText(en: g.text(), zh: "网段" + g.text()), remedy: LocalizedText(en: g.text(), zh: "请" + g.text())),
            EmbeddedRule.PatternError(pattern: g.text(), reason: g.text()),
            ItemCodeClash(itemCode: g.text(), barcodeOf: g.text(), skuOf: g.text()),
            SystemCallError("bind /tmp/till-\(g.int()).sock", errno: [EADDRINUSE, EACCES, ENOENT, ENOSPC, 4095][g.rng.below(5)]),
            SystemCallError("openpty", errno: ENOENT, hint: LocalizedText(en: "Mount /dev/pts.", zh: "请挂载 /dev/pts。")),
        ]
        do { _ = try ScannerEndpoint.parse("bogus://" + g.text()) } catch { problems.append(error) }
        return problems
    }

    static func number(_ e: ShiftFigureOverflow) -> Int { switch e { case .shift: 0; case .shop: 1 } }
    static func number(_ e: ProfileError) -> Int {
        switch e { case .unreadable: 0; case .invalid: 1; case .idMismatch: 2; case .unknown: 3 }
    }
    static func number(_ e: PNGError) -> Int {
        switch e {
        case .notPNG: 0; case .truncated: 1; case .badCRC: 2; case .missingHeader: 3; case .unsupported: 4; case .interlaced: 5
        case .tooLarge: 6; case .corruptImageData: 7
        }
    }
    static func number(_ e: BitmapFontError) -> Int { switch e { case .missingFile: 0; case .malformedLine: 1 } }
    static func number(_ e: PDF417Error) -> Int { switch e { case .empty: 0; case .tooMuchData: 1; case .doesNotFit: 2 } }
    static func number(_ e: QRCodeError) -> Int { switch e { case .dataTooLong: 0 } }
    static func number(_ e: BarcodeError) -> Int {
        switch e {
        case .empty: 0; case .wrongLength: 1; case .invalidCharacter: 2; case .checkDigitMismatch: 3; case .oddDigitCount: 4
        case .code128MissingCodeSet: 5; case .code128BadEscape: 6; case .notDrawn: 7
        }
    }
    static func number(_ e: ImageLoadError) -> Int { switch e { case .missing: 0; case .unknownFormat: 1; case .tooWide: 2 } }
    static func number(_ e: NVStateError) -> Int { switch e { case .corrupt: 0; case .unwritable: 1 } }
    static func number(_ e: BarcodeDataError) -> Int { switch e { case .invalidData: 0; case .tooWide: 1 } }
    static func number(_ e: CommandSetError) -> Int { switch e { case .unknown: 0 } }
    static func number(_ e: CatalogRowProblem) -> Int {
        switch e {
        case .wrongColumnCount: 0; case .unreadable: 1; case .barcodeTaken: 2; case .emptySKU: 3; case .duplicateSKU: 4; case .emptyName: 5
        case .priceNotANumber: 6; case .negativePrice: 7; case .unknownTaxClass: 8; case .barcodeCheckDigitWrong: 9; case .duplicateBarcode: 10
        case .notAYesNo: 11; case .controlCharacter: 12; case .priceOutOfRange: 13; case .quotedAcrossLines: 14; case .codeAmbiguous: 15
        }
    }
    static func number(_ e: DisplayProfileError) -> Int { switch e { case .unreadable: 0; case .badField: 1; case .unknownName: 2 } }
    static func number(_ e: KeyboardMapProblem) -> Int {
        switch e { case .typesACharacter: 0; case .tooLong: 1; case .containsNUL: 2; case .mouseReport: 3; case .sameAs: 4; case .tooManyKeys: 5 }
    }
    static func number(_ e: KeypadFileError) -> Int { switch e { case .notJSON: 0; case .bad: 1; case .unknownName: 2; case .unreadable: 3 } }
    static func number(_ e: KeyMapProblem) -> Int { switch e { case .unknownCommand: 0; case .unknownKey: 1; case .sameKey: 2 } }
    static func number(_ e: PublicationProblem) -> Int {
        switch e { case .noUserKey: 0; case .otherUserKey: 1; case .signatureWrong: 2; case .userUnusable: 3; case .userKeyUnreadable: 4
                 case .catalogUnsigned: 5; case .catalogSignatureWrong: 6 }
    }
}
