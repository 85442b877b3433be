/// How long the driver waits, in seconds. Every wait is bounded; tests shorten them.
public struct DriverTiming: Sendable {
    /// For one status reply (DLE EOT n) when the link is idle.
    public var statusReply: Double = 1.0
    /// For the printer to take each chunk of a job.
    public var write: Double = 10.0
    /// Assumed slowest link speed (bytes/s) when the transport does not know its own: the
    /// confirmation after a job waits behind the job, so its wait grows with job size.
    public var slowestBytesPerSecond: Double = 960
    /// Draining stale input before a query.
    public var drain: Double = 0.02
    /// Between two real-time status polls while a job is sent and printed.
    public var poll: Double = 0.2
    /// Added to a job's expected time (link plus paper) before a missing confirmation makes it
    /// unknown: motor start, a cut, a slow first line.
    public var confirmationSlack: Double = 3.0

    public init() {}

    public init(statusReply: Double, write: Double) {
        self.statusReply = statusReply
        self.write = write
    }
}
