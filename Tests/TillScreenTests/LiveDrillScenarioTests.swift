import Foundation
import Testing

/// A drill run live in the real till screen (training mode) under tmux: the story first, the
/// trainee's keys, ^Q, then the score printed and stored for the trainee.
@Suite(.serialized) struct LiveDrillScenarioTests {
    static let drills: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Sources/till/Drills"
    }()

    @Test func aPartialRefundDrillInTheScreenIsScoredAndKept() throws {
        let till = try TmuxTill(subcommand: ["drill", "run", "02-partial-refund", "--trainee", "mei", "--trainer", "3001",
                                             "--drills", Self.drills], environment: ["TILL_PIN=3333"])
        defer { till.close() }
        try till.waitFor("Press Enter to start")
        try till.press("Enter")
        try till.signIn()
        try till.waitFor("TRAINING")
        try till.press("F7")
        try till.enter("S01-000001")
        try till.waitFor("Jasmine tea")
        try till.type("1")
        try till.press("F5")
        try till.press("Enter")
        try till.type("3")
        try till.press("Enter")
        try till.press("Enter")
        try till.press("Enter")
        try till.waitFor("R01-000001")
        try till.press("C-q")
        let end = try till.waitFor("score 100/100")
        #expect(end.contains("✔ lines: TEA-JAS×1"))
        let report = try till.cli(["drill", "report", "--trainee", "mei", "--csv"])
        #expect(report.contains("mei,02-partial-refund,") && report.contains(",100"))
    }
}
