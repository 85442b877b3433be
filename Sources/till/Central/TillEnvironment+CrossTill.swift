import TillCentral
import TillRuntime

extension TillEnvironment {
    /// `[central] url` set: the runtime asks the shop's PostgreSQL about sales made elsewhere and
    /// reserves every refund with receipt there (`PostgresCentralJournal`), each call bounded by
    /// `[central] lookup_timeout_ms`. Reservations are signed with the shop journal's central key
    /// (in training too, though training reserves nothing). Without it the runtime has no central
    /// caller, and a refund of another till's sale is refused as not configured.
    func attachCentralJournal(_ runtime: RegisterRuntime) {
        guard let settings = config.central else { return }
        let journal = PostgresCentralJournal(settings: settings, lookupTimeoutMs: config.centralLookupTimeoutMs,
                                             till: config.register.till, centralKey: (shopJournal ?? self.journal).centralKey())
        runtime.central = CentralCaller(journal: journal, timeout: .milliseconds(config.centralLookupTimeoutMs))
    }
}
