import Foundation
import TillCentral
import TillJournal
import TillRuntime

/// While a till runs (`till run`, `till exec`) with `[central] url` set, its outbox sends new
/// entries in the background: the till commits to its own journal first and never waits on the
/// network. A training journal is never sent.
final class BackgroundReplication: Sendable {
    /// How often the outbox looks for new entries besides the nudge after each commit (entries
    /// written by another process, a retry after a failure): a local read when nothing is pending.
    static let interval: Duration = .seconds(1)
    private let task: Task<Void, Never>

    private init(task: Task<Void, Never>) { self.task = task }

    /// Starts the outbox and has `runtime` nudge it after each commit to the till's journal.
    static func start(_ env: TillEnvironment, training: Bool, runtime: RegisterRuntime) -> BackgroundReplication? {
        guard !training, let settings = env.config.central else { return nil }
        let clock = env.clock
        let outbox = Outbox(source: env.journal, connection: CentralConnection(settings: settings),
                            till: env.config.register.till, clock: { clock.now })
        runtime.onCommit = { outbox.nudge() }
        let journal = env.journal
        let pulling = CentralConnection(settings: settings)
        return BackgroundReplication(task: Task.detached(priority: .utility) {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await outbox.run(every: interval) }
                // The central catalog on start and every pull interval; offline, the last copy stays.
                group.addTask {
                    while !Task.isCancelled {
                        _ = try? await CatalogPublication.pull(into: journal, shop: settings.shop, connection: pulling)
                        try? await Task.sleep(for: .seconds(settings.pullIntervalSeconds))
                    }
                }
            }
        })
    }

    func stop() { task.cancel() }
}
