import Testing
import TillCore

/// Every store engine builds a till's next numbers through `DocumentSequences(highest:…)`:
/// each kind's next number is one past its highest, kinds never seen start at 1, and no
/// highest a store can hold (up to Int64.max, which only a damaged journal has) traps.
@Suite struct DocumentSequencesTests {
    @Test func eachKindFollowsItsHighestAndNothingTraps() {
        var random = SeededRandom.fromEnvironment()
        for _ in 0..<2_000 {
            let extremes: [Int64] = [1, 999_999, Int64.max - 1, Int64.max]
            func sequence() -> Int64 {
                random.int(in: 0...3) == 0 ? extremes[random.int(in: 0...3)] : Int64(random.int(in: 1...1_000_000))
            }
            let kinds = DocumentKind.allCases.filter { _ in random.int(in: 0...1) == 0 }
            let highest = kinds.map { (kind: $0, sequence: sequence()) }
            let note = random.int(in: 0...1) == 0 ? 0 : sequence()
            let next = DocumentSequences(highest: highest, highestCreditNote: note)
            func expected(_ kind: DocumentKind) -> Int64 {
                guard let h = highest.first(where: { $0.kind == kind })?.sequence else { return 1 }
                return h == .max ? .max : h + 1
            }
            let got: [DocumentKind: Int64] = [.sale: next.nextSale, .refund: next.nextRefund, .postVoid: next.nextVoid,
                                              .zReport: next.nextZ, .shift: next.nextShift]
            for kind in DocumentKind.allCases {
                #expect(got[kind] == expected(kind), "seed \(random.seed): \(kind) after \(highest)")
            }
            #expect(next.nextCreditNote == (note == .max ? .max : note + 1), "seed \(random.seed): credit note after \(note)")
        }
    }

    @Test func theHighestCreditNoteIsThisTillsOwnAndReadable() {
        func note(_ till: String, _ sequence: Int64) -> String { CreditNoteNumber(till: till, sequence: sequence).description }
        let misread = String(note("01", 99).dropLast()) + (note("01", 99).last == "0" ? "1" : "0")
        let references = [note("01", 7), note("02", 900), note("01", 12), misread, "C01-x", "", "S01-000050"]
        #expect(DocumentSequences.highestCreditNote(of: "01", in: references) == 12)
        #expect(DocumentSequences.highestCreditNote(of: "02", in: references) == 900)
        #expect(DocumentSequences.highestCreditNote(of: "03", in: references) == 0)
    }
}
