import Dispatch

/// Runs the central journal's calls on a thread of their own. A caller that waits for an
/// answer (`till exec`, tests) blocks its own thread; if the call needed the shared cooperative
/// pool, a busy pool (every thread waiting so) would never run it and each look-up would end
/// in a timeout. With this preference the call never waits for the pool.
final class CentralTaskExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "till.central-calls")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
