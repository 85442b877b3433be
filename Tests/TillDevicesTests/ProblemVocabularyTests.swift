import Foundation
import Glibc
import Testing
import TillCore
import TillJournal
@testable import TillRuntime
import TillScanning
@testable import TillVirtualPrinter
@testable import TillDevices
@testable import till

/// One vocabulary for everything that goes wrong: every case of every layer's error type, with
/// generated payloads (text with Chinese and punctuation, numbers, amounts), is a `Problem` that
/// names a code, a cause and a remedy in both languages, and renders the one way.
struct ProblemVocabularyTests {
    /// Generated payloads from one seed (printed on failure).
    struct Payloads {
        var rng: StreamFuzzer
        /// Every text handed out: a payload is the caller's (a name, a path, a cause passed on),
        /// so the check for English left in Chinese looks at the rest.
        var handedOut: Set<String> = []
        mutating func text() -> String {
            let text = ["/var/lib/till/j.sqlite", "S01-000042", "茉莉花茶", "TEA-JAS", "permission denied", "x", "A B"][rng.below(7)]
                + (rng.below(2) == 0 ? "" : String(rng.below(1000)))
            handedOut.insert(text)
            return text
        }
        mutating func int() -> Int { rng.below(100_000) }
        mutating func int64() -> Int64 { Int64(rng.below(1_000_000)) }
        mutating func money() -> Money { Money(minor: int64(), currency: .cny) }
        mutating func quantity() -> Quantity { Quantity(thousandths: int64()) }
        mutating func time() -> Timestamp { Timestamp(seconds: int64()) }
        mutating func anchor() -> JournalAnchor { JournalAnchor(count: int64(), hash: String(repeating: "ab", count: 32)) }
        mutating func texts() -> [String] { (0..<(1 + rng.below(3))).map { _ in text() } }
    }

    /// Every refusal of the shared append rules (`AppendRefusal`), which `JournalError.refused` carries.
    static func refusals(_ g: inout Payloads) -> [AppendRefusal] {
        [
            .documentNumberReused(reference: g.text()), .parkedSaleNotWaiting(reference: g.text()), .parkNumberReused(reference: g.text()),
            .saleTendersDoNotAddUp(receipt: g.text(), total: g.money(), paid: g.money()),
            .originalSaleNotFound(document: g.text(), receipt: g.text()),
            .refundLineNotOnSale(refund: g.text(), receipt: g.text(), lineNo: g.int()),
            .refundExceedsSold(refund: g.text(), receipt: g.text(), lineNo: g.int(), sold: g.quantity(), alreadyRefunded: g.quantity(),
                               asked: g.quantity()),
            .refundOfVoidedSale(refund: g.text(), receipt: g.text()), .saleAlreadyVoided(receipt: g.text(), voidNumber: g.text()),
            .voidOfRefundedSale(void: g.text(), receipt: g.text()),
            .refundBreaksLedger(refund: g.text(), receipt: g.rng.below(2) == 0 ? nil : g.text(),
                                violation: .exceedsPaid(asked: g.money(), remaining: g.money())),
            .voidDiffersFromSale(void: g.text(), receipt: g.text(), paid: g.money(), voided: g.money()),
            .shiftAlreadyOpen(till: g.text(), shift: g.int64()), .shiftAlreadyClosed(till: g.text(), shift: g.int64()),
            .amountsUncountable(reference: g.rng.below(2) == 0 ? nil : g.text(), why: LocalizedText(en: g.text(), zh: "金额" + g.text())),
            .creditNoteRefused(document: g.text(), problem: .overdrawn(number: g.text(), asked: g.money(), balance: g.money())),
            .priceChangeNotAuthorised(receipt: g.text(), line: g.int(), permission: .overridePrice, amount: g.money(),
                                      approver: g.rng.below(2) == 0 ? nil : g.text()),
            .drawerOpenNotOwed(refund: g.text(), because: [.noCashRefund, .anotherClerk, .usedAlready][g.rng.below(3)]),
            .drawerOpenNotAuthorised(user: g.text(), approver: g.rng.below(2) == 0 ? nil : g.text()),
            .reconciliationRefused(refund: g.text(), alreadyReconciled: g.rng.below(2) == 0),
            .reportNotAuthorised(report: g.text(), signer: g.text(),
                                 why: [.unknownSigner, .signerLacksPermission(role: g.text(), permission: g.text()),
                                       .approverNotPermitted(approver: g.text()), .noApprovalEntry(approver: g.text())][g.rng.below(4)]),
        ]
    }

    static func journalErrors(_ g: inout Payloads) -> [JournalError] {
        // Not amounts_uncountable: that code is also the journal's own case for an entry read back.
        let refusals = Self.refusals(&g).filter { if case .amountsUncountable = $0 { false } else { true } }
        return [
            .folderNotCreatable(folder: g.text(), cause: g.text()), .notWritable(path: g.text(), cause: g.text()),
            .cannotOpen(path: g.text(), cause: g.text()), .notADatabase(path: g.text()), .notATillJournal(path: g.text()),
            .newerSchema(path: g.text(), unknownMigrations: g.texts()), .unkeyedJournal(path: g.text()),
            .keyFileUnreadable(path: g.text(), cause: g.text()), .keyFileMissing(path: g.text(), journal: g.text()),
            .keyFileMismatch(path: g.text(), journal: g.text()), .anchorFileUnreadable(path: g.text(), cause: g.text()),
            .behindAnchor(path: g.text(), entries: g.int64(), anchor: g.anchor()), .anchorMismatch(path: g.text(), anchor: g.anchor()),
            .refused(refusals[g.rng.below(refusals.count)]),
            .shiftNotFound(till: g.text(), shift: g.int64()),
            .unreadableEntry(seq: g.int64(), cause: g.text()),
            .amountsUncountable(seq: g.rng.below(2) == 0 ? nil : g.int64(), reference: g.rng.below(2) == 0 ? nil : g.text(),
                                why: LocalizedText(en: g.text(), zh: "金额" + g.text())), .textNotAllowed(character: "U+0007", text: g.text()),
            .entryBeforeLast(at: g.time(), last: g.time()), .valueOutOfRange(what: g.text(), value: g.text(), range: g.text()),
            .notEmptyForTestMark(path: g.text()), .diskFull(path: g.text()), .busy(path: g.text()),
            .damaged(path: g.text(), cause: g.text()), .storageFailed(path: g.text(), cause: g.text()),
            .unknownTaxClass(sku: g.text(), taxClass: g.text()), .barcodeTaken(code: g.text(), owner: g.text(), sku: g.text()),
            .pinFormat(role: g.text(), minimum: g.int()), .userExists(code: g.text()), .userNotFound(code: g.text()),
            .slipNotFound(reference: g.text()), .fileNotReadable(path: g.text(), cause: g.text()),
            .fileNotWritable(path: g.text(), cause: g.text()), .catalogHeaderWrong(found: g.texts(), expected: g.texts()),
        ]
    }

    /// Exhaustive over `JournalError`: a new case does not compile until it has a number here,
    /// and the test then fails until `journalErrors` generates it.
    static func number(_ e: JournalError) -> Int {
        switch e {
        case .folderNotCreatable: 0
        case .notWritable: 1
        case .cannotOpen: 2
        case .notADatabase: 3
        case .notATillJournal: 4
        case .newerSchema: 5
        case .unkeyedJournal: 6
        case .keyFileUnreadable: 7
        case .keyFileMissing: 8
        case .keyFileMismatch: 9
        case .anchorFileUnreadable: 10
        case .behindAnchor: 11
        case .anchorMismatch: 12
        case .refused: 33
        case .shiftNotFound: 13
        case .unreadableEntry: 14
        case .textNotAllowed: 15
        case .entryBeforeLast: 16
        case .valueOutOfRange: 17
        case .notEmptyForTestMark: 18
        case .diskFull: 19
        case .busy: 20
        case .damaged: 21
        case .storageFailed: 22
        case .unknownTaxClass: 23
        case .barcodeTaken: 24
        case .pinFormat: 25
        case .userExists: 26
        case .userNotFound: 27
        case .slipNotFound: 28
        case .fileNotReadable: 29
        case .fileNotWritable: 30
        case .catalogHeaderWrong: 31
        case .amountsUncountable: 32
        }
    }
    static let journalErrorCases = 34

    static func printFailures(_ g: inout Payloads) -> [PrintFailure] {
        [.paperOut, .coverOpen, .cutterJammed, .printerError, .offline, .noAnswer, .unreachable(g.text()), .linkLost(g.text()),
         .stoppedAnswering, .notConfirmed(seconds: g.int()), .cannotConfirm(printer: g.text()), .notEnabled, .cannotEncode(g.text()),
         .cannotWrite(g.text()), .notPrintedYet, .stateNotSaved, .other(g.text())]
    }

    /// Exhaustive over `PrintFailure`, as `number(_: JournalError)`.
    static func number(_ f: PrintFailure) -> Int {
        switch f {
        case .paperOut: 0
        case .coverOpen: 1
        case .cutterJammed: 2
        case .printerError: 3
        case .offline: 4
        case .noAnswer: 5
        case .unreachable: 6
        case .linkLost: 7
        case .stoppedAnswering: 8
        case .notConfirmed: 9
        case .cannotConfirm: 10
        case .notEnabled: 11
        case .cannotEncode: 12
        case .cannotWrite: 13
        case .notPrintedYet: 14
        case .stateNotSaved: 15
        case .other: 16
        }
    }
    static let printFailureCases = 17

    static func deviceErrors(_ g: inout Payloads) -> [any Problem] {
        let operations: [DeviceError.Operation] = [.open, .configure, .read, .write, .grab, .identify]
        let errnos: [Int32] = [EACCES, EPERM, ENOENT, ENODEV, ENXIO, EBUSY, ENOTTY, EIO, EINVAL]
        let path = g.rng.below(2) == 0 ? "/dev/input/event3" : "/dev/ttyUSB0"
        return operations.flatMap { op in errnos.map { DeviceError(operation: op, path: path, errno: $0) as any Problem } }
    }

    static func printerDeviceErrors(_ g: inout Payloads) -> [any Problem] {
        let kinds: [PrinterDeviceError.Kind] = [.badAddress, .notFound, .permissionDenied, .busy, .disconnected(sent: g.int()), .timeout,
                                                .io, .unsupported]
        return kinds.map { PrinterDeviceError($0, en: g.text(), zh: "打印机" + g.text(), remedyEn: g.text(), remedyZh: "请" + g.text()) }
            + [PrinterDeviceError.permission(g.text()), .disconnected(g.text(), sent: g.int(), total: g.int()), .io(g.text(), g.text())]
    }

    static func runtimeErrors(_ g: inout Payloads) -> [any Problem] {
        [RuntimeError.journal(JournalError.diskFull(path: g.text())), RuntimeError.journal(CocoaError(.fileWriteUnknown)),
         RuntimeError.afterCommit(reference: g.text(), JournalError.diskFull(path: g.text())),
         RuntimeError.afterCommit(reference: "", CocoaError(.fileWriteUnknown)),
         RuntimeError.clockBehindJournal(now: g.time(), last: g.time()), RuntimeError.clockOutOfRange(now: g.time()),
         RuntimeError.shiftCurrency(shift: "CNY", till: "EUR")]
    }

    static func otherProblems(_ g: inout Payloads) -> [any Problem] {
        let credit: [CreditNoteProblem] = [.numberRequired, .misread(text: g.text()), .notANumber(text: g.text()), .unknown(number: g.text()),
                                           .exhausted(number: g.text()), .overdrawn(number: g.text(), asked: g.money(), balance: g.money()),
                                           .notOnSale(number: g.text())]
        let scans: [ScanProblem] = [.checkDigitWrong(code: g.text(), expected: 1, found: 2), .valueCheckDigitWrong(code: g.text(), expected: 3, found: 4),
                                    .code39CheckWrong(code: g.text(), expected: "A", found: "B"), .malformed(symbology: .ean13, data: g.text()),
                                    .gs1Unreadable(data: g.text(), failure: .tooShort(ai: "01")), .gs1WithoutGTIN(data: g.text()), .empty]
        let sockets: [any Problem] = [SocketPathError.notASocket(g.text(), kind: "a directory"), SocketPathError.inUse(g.text())]
        let cli: [any Problem] = [CLIError.badSetting(g.text(), value: g.text(), expected: g.text()),
                                  CLIError(AddressError(g.text(), g.text())),
                                  ActionParser.BadInput.lineTooLong(.tooLong(bytes: g.int()))]
        return credit + scans + sockets + cli
    }

    @Test func everyCaseOfEveryErrorTypeNamesCauseAndRemedyInBothLanguages() {
        let seed = ProcessInfo.processInfo.environment["TILL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
        var g = Payloads(rng: StreamFuzzer(seed: seed))
        for round in 0..<20 {
            g.handedOut = []
            let journal = Self.journalErrors(&g), prints = Self.printFailures(&g)
            #expect(Set(journal.map(Self.number)) == Set(0..<Self.journalErrorCases))
            #expect(Set(prints.map(Self.number)) == Set(0..<Self.printFailureCases))
            let families = Self.fileProblemFamilies(&g)
            for family in families {
                #expect(family.numbers == Set(0..<family.cases), "\(family.name): a case is not generated")
                // Each case of a family has its own code.
                #expect(Set(family.problems.map(\.code)).count == family.cases, "\(family.name): \(family.problems.map(\.code))")
            }
            let all: [any Problem] = journal + Self.refusals(&g) + prints + Self.deviceErrors(&g) + Self.printerDeviceErrors(&g) + Self.runtimeErrors(&g)
                + Self.otherProblems(&g) + families.flatMap(\.problems) + Self.fileProblemStructs(&g)
            for problem in all {
                let what = "seed \(seed) (re-run: TILL_TEST_SEED=\(seed)): \(type(of: problem)) \(problem.code)"
                // An identifier (PrintFailure's are the journal's stored camelCase).
                #expect(!problem.code.isEmpty && problem.code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "\(what)")
                for lang in Language.allCases {
                    #expect(!problem.message(lang).trimmingCharacters(in: .whitespaces).isEmpty, "\(what) \(lang)")
                    #expect(!problem.remedy(lang).trimmingCharacters(in: .whitespaces).isEmpty, "\(what) \(lang)")
                    #expect(problem.text(lang) == problem.message(lang) + "\n  → " + problem.remedy(lang), "\(what)")
                    #expect(ProblemReport(problem).text(lang) == problem.text(lang), "\(what)")
                }
                // Chinese all the way: no English sentence of the English text is left in the Chinese.
                // (Three rounds of payloads are plenty for the heuristic, and keep the test quick.)
                let zh = round >= 3 ? "" : g.handedOut.sorted { $0.count > $1.count }.reduce(problem.message(.zh) + " " + problem.remedy(.zh)) {
                    $0.contains($1) ? $0.replacingOccurrences(of: $1, with: "·") : $0
                }
                if round < 3, let left = Self.englishLeftIn(zh: zh,
                                                 en: problem.message(.en) + " " + problem.remedy(.en)) {
                    Issue.record("\(what): the Chinese text keeps the English \"\(left)\"")
                }
                // Chinese is written in Chinese (not the English left in place).
                #expect((problem.message(.zh) + problem.remedy(.zh)).unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF },
                        "\(what) has no Chinese")
            }
            // Each JournalError case has its own code.
            #expect(Set(journal.map(\.code)).count == Self.journalErrorCases)
        }
    }
}

extension ProblemVocabularyTests {
    /// A run of three or more English words that the Chinese text shares with the English one
    /// (a heuristic for an English cause interpolated into a Chinese sentence), or nil. Codes,
    /// paths, commands in backticks, flags and names are not words: a word here is letters only,
    /// at least two, not all capitals, outside backticks and quotes.
    static func englishLeftIn(zh: String, en: String) -> String? {
        func runs(_ text: String) -> [[String]] {
            var out: [[String]] = [], run: [String] = [], word = "", inCode = false
            func endWord() {
                let isWord = word.count >= 2 && word.allSatisfy { $0.isASCII && $0.isLetter } && word != word.uppercased()
                if isWord { run.append(word.lowercased()) } else if !word.isEmpty { endRun() }
                word = ""
            }
            func endRun() { if run.count >= 3 { out.append(run) }; run = [] }
            for character in text {
                if character == "`" { endWord(); endRun(); inCode.toggle(); continue }
                if inCode { continue }
                if character.isASCII && (character.isLetter || character == "'" || character == "-") { word.append(character); continue }
                endWord()
                if !(character == " " || character == ",") { endRun() }
            }
            endWord(); endRun()
            return out
        }
        let english = en.lowercased()
        for run in runs(zh) {
            for start in 0...(run.count - 3) {
                let phrase = run[start..<(start + 3)].joined(separator: " ")
                if english.contains(phrase) { return run.joined(separator: " ") }
            }
        }
        return nil
    }
}

/// The command line prints any layer's problem the one way, in the language asked for.
struct ProblemOnTheCommandLineTests {
    @Test func aJournalProblemPrintsCauseAndRemedyInChineseWithLangZh() throws {
        let dir = try Run.temporaryDirectory()
        let notAJournal = dir + "/journal.sqlite"
        try Data(String(repeating: "not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: notAJournal))
        let problem = JournalError.notADatabase(path: notAJournal)
        for lang in Language.allCases {
            let run = try Run.till(["journal", "verify", "--db", notAJournal, "--lang", lang.rawValue, "--no-demo"])
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains(problem.text(lang)), "\(lang): \(run.stderr)")
        }
    }
}
