/// A problem kept as a value: its code and both languages' text, so a screen can show it again
/// after the language changes, and a layer can pass on a problem whose type it does not know.
public struct ProblemReport: Problem, Hashable, Sendable, Codable {
    public var code: String
    public var message: LocalizedText
    public var remedy: LocalizedText

    public init(code: String, message: LocalizedText, remedy: LocalizedText) {
        self.code = code
        self.message = message
        self.remedy = remedy
    }

    public init(_ problem: some Problem) {
        if let report = problem as? ProblemReport { self = report; return }
        self.init(code: problem.code, message: problem.message, remedy: problem.remedy)
    }
}
