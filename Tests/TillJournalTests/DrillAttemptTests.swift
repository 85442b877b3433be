import Testing
import TillCore
@testable import TillJournal

@Suite struct DrillAttemptTests {
    @Test func attemptsAreKeptPerTraineeInOrder() throws {
        let journal = try JournalDatabase.inMemory()
        let a = DrillAttempt(trainee: "mei", drill: "partial-refund", startedAt: Timestamp(seconds: 200), seconds: 41.5, keystrokes: 30,
                             wrongAttempts: 1, refusals: ["reason_required"], score: 88, breakdown: ["✔ outcome: refund", "score 88/100"])
        var b = a
        b.startedAt = Timestamp(seconds: 100)
        b.score = 60
        var other = a
        other.trainee = "jun"
        for attempt in [a, b, other] { try journal.record(attempt) }
        let mine = try journal.drillAttempts(trainee: "mei")
        #expect(mine.map(\.score) == [60, 88])
        #expect(mine.last == a)
        #expect(try journal.drillAttempts(trainee: nil).count == 3)
        // Each score is a chained entry of the (training) journal, so an edited score is seen (issue 11).
        #expect(try journal.verify() == .intact(entries: 3))
    }
}
