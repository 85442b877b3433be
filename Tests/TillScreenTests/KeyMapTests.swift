import Testing
@testable import TillScreen

@Suite struct KeyMapTests {
    @Test func theConfigReplacesOneBindingAndKeepsTheOthers() throws {
        let map = try KeyMap(overrides: ["cash": "F12", "xreport": "^X"])
        #expect(map.command(for: .function(12)) == .cash)
        #expect(map.command(for: .control("X")) == .xreport)
        #expect(map.command(for: .function(2)) == nil)
        #expect(map.command(for: .function(3)) == .card)
    }

    @Test func unknownNamesAndClashesAreRefusedByName() {
        #expect(throws: KeyMapProblem.unknownCommand("tip")) { try KeyMap(overrides: ["tip": "F2"]) }
        #expect(throws: KeyMapProblem.unknownKey(command: "cash", key: "F13")) { try KeyMap(overrides: ["cash": "F13"]) }
        #expect(throws: KeyMapProblem.unknownKey(command: "cash", key: "^M")) { try KeyMap(overrides: ["cash": "^M"]) }
        #expect(throws: KeyMapProblem.sameKey("F3", "cash", "card")) { try KeyMap(overrides: ["cash": "F3"]) }
    }
}
