import ArgumentParser
import Foundation
import TillCore
import TillJournal
import TillTraining

/// `till drill …`: scored refund drills for trainees.
struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill", abstract: "Scored refund drills: list them, run one, report a trainee's history.",
        subcommands: [List.self, Run.self, Report.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stock drills.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Folder of drill files (default: the stock drills).") var drills: String?

        func run() throws {
            let lang = try global.resolve().screenLanguage
            for (id, path) in DrillLibrary.drills(in: try DrillLibrary.directory(drills)) {
                let drill = try DrillFile.load(path)
                Output.line("\(id)\t\(drill.title.localized.text(lang))\t\(drill.par.seconds)s")
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a drill for a trainee and store the score.",
            discussion: "--actions replays a file of actions headlessly (the `till exec` vocabulary, plus `type CODE` "
                + "for a code typed by hand and `paper-load` for the trainer loading paper).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Drill id (see `till drill list`) or path of a drill file.", completion: CompletionValues.drillIDs) var drill: String
        @Option(help: "Who is training (results are kept under this name).") var trainee: String
        @Option(help: "The trainer starting it: a user with runTraining (PIN from $TILL_PIN or asked).") var trainer: String?
        @Option(help: "Replay this key script through the till screen's keys (no terminal needed).") var keys: String?
        @Option(help: "Replay these actions instead of a live session.") var actions: String?
        @Option(help: "Folder of drill files (default: the stock drills).") var drills: String?

        func run() throws {
            let env = try TillEnvironment(global)
            let config = env.config
            let lang = config.screenLanguage
            let file = try DrillFile.load(try DrillLibrary.resolve(drill, drillsOption: drills))
            _ = try TrainerSignIn.authorize(env, trainer: trainer, trainee: trainee, what: "drill \(file.id)")
            let session = try DrillSession(drill: file, devicesDirectory: config.devicesDirectory)
            defer { session.cleanUp() }
            if let script = keys ?? actions {
                guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
                    throw CLIError(code: "key_script_unreadable", en: "Cannot read \(script).", zh: "无法读取 \(script)。", remedyEn: "Check the path.", remedyZh: "请检查路径。")
                }
                Output.error(file.title.localized.text(lang) + "\n" + file.story.localized.text(lang))
                let lines = text.components(separatedBy: "\n")
                if keys != nil {
                    try DrillKeyReplay(session: session, language: lang).run(lines: lines) { Output.error($0) }
                } else {
                    let parser = ActionParser(currency: config.register.currency)
                    try DrillActionReplay(session: session, parser: parser, language: lang).run(lines: lines) { Output.error($0) }
                }
            } else {
                try DrillLive(session: session, config: config).run()
            }
            let score = try session.score()
            // Kept before it is shown: whoever reads the score on the screen (a trainer, a script waiting for
            // it) can ask `till drill report` at once and find the attempt there. The score is shown even when
            // keeping it failed, and the failure follows it.
            let kept = Result {
                let results = try JournalDatabase(path: global.journalPath(config, training: true), pinHashRounds: config.pinHashRounds)
                try results.record(DrillAttempt(trainee: trainee, drill: file.id, startedAt: TillClock().now, seconds: score.seconds,
                                                keystrokes: score.keystrokes, wrongAttempts: score.wrongAttempts,
                                                refusals: score.refusals, score: score.total, breakdown: score.lines(.en)))
            }
            score.lines(lang).forEach(Output.line)
            try kept.get()
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A trainee's attempts as a table and a chart, or CSV.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Trainee name (all trainees when omitted).") var trainee: String?
        @Flag(help: "CSV instead of the table and chart.") var csv = false

        func run() throws {
            let config = try global.resolve()
            let results = try JournalDatabase(path: global.journalPath(config, training: true), pinHashRounds: config.pinHashRounds)
            let attempts = try results.drillAttempts(trainee: trainee)
            if csv {
                Output.line("trainee,drill,started_at,seconds,keystrokes,wrong_attempts,refusals,score")
                for a in attempts {
                    Output.line([a.trainee, a.drill, a.startedAt.localText(utcOffsetSeconds: config.register.utcOffsetSeconds),
                                 String(format: "%.1f", a.seconds), String(a.keystrokes), String(a.wrongAttempts),
                                 a.refusals.joined(separator: " "), String(a.score)].map(csvField).joined(separator: ","))
                }
                return
            }
            DrillChart.render(attempts, lang: config.screenLanguage, utcOffset: config.register.utcOffsetSeconds).forEach(Output.line)
        }

        func csvField(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
    }
}
