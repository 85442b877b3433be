import ArgumentParser
import TillCore
import TillJournal

/// `till catalog …`: import and look up items.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "Import the catalog from CSV; look up an item.",
        subcommands: [Import.self, Show.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import items from a CSV file (sku,barcodes,name,price,tax_class,returnable,weighed).",
            discussion: "As an authorised user: --by CODE (permission importCatalog), the PIN from $TILL_PIN or standard input; each batch is a journal entry naming you. Bad rows are reported by line number with the reason; good rows are kept. Barcodes are separated by |. A barcode another item holds is refused unless --reassign-barcodes. Tax classes must be defined first ([[tax.class]] in the configuration, or --tax-classes FILE with the header code,name,rate,inclusive: rate a percentage 0–100, inclusive yes/no; bad rows and repeated codes are reported by line).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var credentials: Credentials
        @Argument(help: "The catalog CSV file (optional with --tax-classes).") var file: String?
        @Option(help: "Import tax classes first from this CSV file (code,name,rate,inclusive), each change a journal entry.")
        var taxClasses: String?
        @Flag(help: "Let a row take a barcode that another item holds (each move is listed); without it such a row is refused.")
        var reassignBarcodes = false

        func validate() throws {
            guard file != nil || taxClasses != nil else {
                throw ValidationError("Name the catalog CSV file, or --tax-classes FILE, or both.")
            }
        }

        func run() throws {
            let env = try TillEnvironment(global)
            let actor = try credentials.authorise(.importCatalog, env: env)
            var rejected = false
            if let taxClasses { rejected = try TaxClassImportOutput.run(taxClasses, env: env, by: actor.code) }
            if let file { rejected = try importItems(file, env: env, by: actor.code) || rejected }
            if rejected { throw ExitCode(4) }
        }

        /// Imports the catalog rows; true when some were rejected (each reported by line).
        private func importItems(_ file: String, env: TillEnvironment, by actor: String) throws -> Bool {
            let zh = Output.language == .zh
            let importer = CatalogImporter(database: env.journal, currency: env.config.register.currency,
                                           progressEvery: 50_000, reassignBarcodes: reassignBarcodes)
            let summary = try importer.importFile(atPath: file, by: actor) { p in
                Output.progress(zh ? "已读 \(p.rowsRead) 行，导入 \(p.imported)，拒绝 \(p.rejected) …"
                                   : "read \(p.rowsRead) rows, imported \(p.imported), rejected \(p.rejected) …")
            }
            if summary.rowsRead >= 50_000 { Output.progress("") }
            for rejection in summary.rejected { Output.line(rejection.text(Output.language)) }
            for move in summary.reassigned { Output.line(move.text(Output.language)) }
            Output.line(summary.text(Output.language))
            return !summary.rejected.isEmpty
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the item with a barcode or SKU.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Barcode or SKU.") var code: String

        func run() throws {
            let env = try TillEnvironment(global)
            guard let item = try env.journal.item(code: code) else {
                throw CLIError(Refusal.unknownItem(code: code))
            }
            Output.line("\(item.sku)\t\(item.name)\t\(item.price.plain)\t\(item.taxClassID)\t"
                        + "\(item.barcodes.joined(separator: "|"))\t\(item.weighed ? "weighed" : "each")\t"
                        + (item.returnable ? "returnable" : "not-returnable"))
        }
    }
}
