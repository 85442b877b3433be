import Glibc
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM set a flag instead of killing the process, so a scanner loop
/// can finish its current read (≤ 200 ms), release the evdev grab and restore the terminal.
enum StopSignal {
    /// A lock-free atomic: the only kind of shared value a signal handler may touch (a Mutex
    /// could be held by the very thread the signal interrupts).
    private static let flag = Atomic<Bool>(false)

    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in StopSignal.flag.store(true, ordering: .relaxed) }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may start us with these signals blocked (the mask is inherited across exec):
        // unblock them, or Ctrl-C would never reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    static var requested: Bool { flag.load(ordering: .relaxed) }
}
