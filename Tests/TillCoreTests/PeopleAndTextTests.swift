import Foundation
import Testing
@testable import TillCore

@Suite struct LockoutTests {
    @Test func fiveWrongPINsLockForTheConfiguredTimeThenItLapses() {
        let policy = PinLockoutPolicy(maxAttempts: 5, lockSeconds: 600)
        var attempts = PinAttempts()
        let t0 = Timestamp(seconds: 1000)
        var refusals: [Refusal] = []
        for _ in 0..<5 {
            let (next, refusal) = attempts.afterFailure(now: t0, policy: policy)
            attempts = next
            refusals.append(refusal)
        }
        #expect(refusals.prefix(4) == [.wrongPIN(attemptsLeft: 4), .wrongPIN(attemptsLeft: 3), .wrongPIN(attemptsLeft: 2), .wrongPIN(attemptsLeft: 1)])
        #expect(refusals.last == .lockedOut(until: Timestamp(seconds: 1600), secondsLeft: 600))
        #expect(attempts.lockRefusal(now: Timestamp(seconds: 1599)) == .lockedOut(until: Timestamp(seconds: 1600), secondsLeft: 1))
        #expect(attempts.lockRefusal(now: Timestamp(seconds: 1600)) == nil)
        // After the lock lapses the count starts again.
        #expect(attempts.afterFailure(now: Timestamp(seconds: 1700), policy: policy).1 == .wrongPIN(attemptsLeft: 4))
    }
}

@Suite struct RefusalTextTests {
    static let samples: [Refusal] = {
        let m = Money(minor: 100, currency: .cny)
        return [
            .receiptNotFound(reference: "S01-000001"), .receiptCodeUnreadable(code: "9"), .unknownItem(code: "X"),
            .barcodeCheckDigitWrong(code: "1", expected: 1, found: 2), .lineNotFound(line: 3),
            .itemNotOnReceipt(item: "X", receipt: "S"), .quantityExceedsReturnable(item: "X", asked: .one, remaining: .zero),
            .alreadyFullyRefunded(receipt: "S"), .windowExpired(soldOn: CivilDate(year: 2026, month: 1, day: 1), daysAgo: 40, windowDays: 30),
            .itemNotReturnable(item: "X"), .saleWasVoided(receipt: "S"), .nothingSelected, .reasonRequired,
            .customerReferenceRequired, .blindReturnsDisabled, .overLimit(limit: .perRefund, limitAmount: m, amount: m),
            .overLimit(limit: .blindReturnMaximum, limitAmount: m, amount: m),
            .tenderNotAllowed(tender: .cash, rule: .blindReturnTenders),
            .tenderSubstitutionRefused(paid: .cash, refunded: .card, otherCard: false, amount: m, available: m),
            .tenderSubstitutionRefused(paid: .card, refunded: .card, otherCard: true, amount: m, available: m),
            .refundOutsideLedger(.exceedsPaid(asked: m, remaining: m)),
            .approverLacksPermission(user: "A", role: .supervisor, permission: .postVoid), .tenderExceedsDue(tender: .card, amount: m, due: m),
            .cardReferenceRequired, .amountInvalid(text: "x"), .quantityInvalid(text: "x"),
            .fractionalQuantityNotAllowed(item: "X"), .weightRequired(item: "X"), .discountTooLarge(line: 1, discount: m, amount: m),
            .supervisorRequired(reason: .postVoid), .notPermitted(role: .clerk, permission: .zReport),
            .approverNotPermitted(user: "A", role: .clerk), .wrongPIN(attemptsLeft: 2),
            .lockedOut(until: Timestamp(seconds: 0), secondsLeft: 60), .notSignedIn, .noOpenShift,
            .shiftAlreadyOpen(number: 1), .busy(current: .refund), .nothingInProgress,
            .postVoidNotAllowed(receipt: "S", why: .otherShift), .printerUnavailable(cause: "paper out"),
        ]
    }()

    @Test func everyRefusalSaysWhatAndWhatToDoInBothLanguages() {
        for refusal in Self.samples {
            for lang in Language.allCases {
                let message = refusal.message(lang), remedy = refusal.remedy(lang)
                #expect(message.count >= 4 && remedy.count >= 4, "\(refusal.code) \(lang)")
                #expect(message.lowercased() != "invalid" && !message.lowercased().hasPrefix("invalid"))
            }
            #expect(refusal.message(.en) != refusal.message(.zh), "\(refusal.code) is not translated")
            #expect(refusal.message(.zh).unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        }
        #expect(Set(Self.samples.map(\.code)).count >= 35)
    }
}

@Suite struct SlipLayoutTests {
    @Test func chineseCharactersTakeTwoColumnsAndAmountsAlignRight() {
        #expect(DisplayWidth.of("茉莉花茶") == 8)
        #expect(DisplayWidth.of("Tea") == 3)
        let lines = SlipLayout.pairLines("茉莉花茶 Jasmine tea", "25.00", style: .plain, columns: 20)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines.last!.hasSuffix("25.00"))
        #expect(DisplayWidth.of(lines.last!) == 20)
        let wrapped = DisplayWidth.wrap("一二三四五六七八九十", width: 7)
        #expect(wrapped == ["一二三", "四五六", "七八九", "十"])
    }

    @Test func copiesAreMarkedOnce() {
        let doc = SlipDocument(kind: .sale, reference: "S01-000001", blocks: [.text("x", .plain)], training: false)
        let copy = doc.markedAsCopy().markedAsCopy()
        #expect(copy.copy)
        #expect(PlainTextSlipRenderer.render(copy).filter { $0.contains("COPY") }.count == 1)
    }
}

@Suite struct PrintFailureTests {
    static let all: [PrintFailure] = [
        .paperOut, .coverOpen, .cutterJammed, .printerError, .offline, .noAnswer, .unreachable("no USB printer 04b8:0e15"),
        .linkLost("write: broken pipe"), .stoppedAnswering, .notConfirmed(seconds: 7), .cannotConfirm(printer: "TM-T88V"),
        .notEnabled, .cannotEncode("tm-t20: no code page"), .cannotWrite("/var/out/001.txt: read-only"), .notPrintedYet,
        .stateNotSaved, .other("a cause from elsewhere: with a colon"),
    ]

    /// Every cause survives the journal's one-string form and JSON, and every coded cause has
    /// Chinese of its own (only `other`, text from outside, is shown as it came).
    @Test func everyCauseRoundTripsAndHasChinese() throws {
        for cause in Self.all {
            #expect(PrintFailure(stored: cause.stored) == cause, "\(cause.stored)")
            let json = try JSONEncoder().encode([cause])
            #expect(try JSONDecoder().decode([PrintFailure].self, from: json) == [cause])
            if case .other = cause { continue }
            #expect(cause.text(.zh) != cause.text(.en), "no Chinese for \(cause.code)")
            #expect(cause.stored.hasPrefix(cause.code))
        }
        #expect(Set(Self.all.map(\.code)).count == Self.all.count, "two causes share a code")
    }

    /// Generated stored text never crashes the reading and reads back to itself when stored again.
    @Test func anyStoredTextReadsToACause() {
        var random = SeededRandom.fromEnvironment()
        let pieces = ["paperOut", "linkLost", "notConfirmed", ":", "x", "12", "—", "打印", " ", "other", "notConfirmed:abc", "\u{0}"]
        for _ in 0..<500 {
            let text = (0..<random.int(in: 0...4)).map { _ in random.pick(pieces) }.joined()
            let cause = PrintFailure(stored: text)
            #expect(PrintFailure(stored: cause.stored) == cause, "seed \(random.seed): \(text)")
        }
    }

    /// Journals written before the codes kept English sentences: they read as the cause they named.
    @Test func oldEnglishCausesReadAsTheirCode() {
        #expect(PrintFailure(stored: "paper out — load paper") == .paperOut)
        #expect(PrintFailure(stored: "printer offline — it does not answer: check the power and the cable") == .noAnswer)
        #expect(PrintFailure(stored: "something new") == .other("something new"))
    }
}
