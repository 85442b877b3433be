/// How the driver learns that a printer has *printed* a job, not merely received it. DLE EOT
/// is real-time: a printer answers it on arrival, ahead of the data still in its buffer, so a
/// "ready" after the job says nothing about the paper. Only a reply the printer sends once it
/// has processed the job's bytes confirms them.
public enum CompletionMethod: String, Hashable, Sendable, Codable, CaseIterable {
    /// GS ( H function 48: the printer answers `37 22 d1 d2 d3 d4 00` with the job's own ID
    /// when processing reaches the command (Epson TM models from the TM-T88IV on).
    case processId
    /// GS r 1 after the job: an in-sequence transmit-status reply, sent only once the data
    /// before it has been processed (never while offline).
    case gsr
    /// Automatic status back (GS a) watched while the job prints for its expected time: no
    /// confirmation of its own, but every fault during the job is reported.
    case asb
    /// The model sends nothing in sequence: a job sent whole is *unknown*, never printed.
    case none
}

extension PrinterProfile {
    /// The profile's completion method; a profile that does not say gets `none` (unknown).
    public var completionMethod: CompletionMethod { completion ?? .none }

    /// Paper speed in mm/s; a profile that does not say gets a slow clone's 50 mm/s, so a
    /// wait computed from it is long rather than short.
    public var paperSpeed: Double { printSpeedMMPerSecond ?? 50 }
}
