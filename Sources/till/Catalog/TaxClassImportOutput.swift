import TillCore
import TillJournal

/// `till catalog import --tax-classes FILE`: runs the journal's `TaxClassImporter` and reports
/// each rejected row by line, each changed class, and the summary.
enum TaxClassImportOutput {
    /// True when some rows were rejected.
    static func run(_ path: String, env: TillEnvironment, by actor: String) throws -> Bool {
        let summary = try TaxClassImporter(database: env.journal).importFile(atPath: path, by: actor)
        for rejection in summary.rejected { Output.line(rejection.text(Output.language)) }
        for taxClass in summary.changed {
            Output.line("\(taxClass.id)\t\(taxClass.name)\t\(taxClass.rateText)\t\(taxClass.inclusive ? "inclusive" : "exclusive")")
        }
        Output.line(summary.text(Output.language))
        return !summary.rejected.isEmpty
    }
}
