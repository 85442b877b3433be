import Glibc

/// Monotonic time in nanoseconds: key gaps and read deadlines must not jump with the wall clock.
public func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// poll() for one descriptor, retrying on EINTR with the time that is left. True when ready.
func pollReady(_ fd: Int32, events: Int16, timeoutMs: Int) throws(DeviceError) -> Bool {
    let deadline = monotonicNanoseconds() + UInt64(max(0, timeoutMs)) * 1_000_000
    while true {
        var pfd = pollfd(fd: fd, events: events, revents: 0)
        let now = monotonicNanoseconds()
        let left = now >= deadline ? 0 : Int32((deadline - now + 999_999) / 1_000_000)
        let rc = poll(&pfd, 1, left)
        if rc > 0 {
            if pfd.revents & Int16(POLLNVAL) != 0 { throw DeviceError(operation: .read, path: "fd \(fd)", errno: EBADF) }
            return true
        }
        if rc == 0 { return false }
        if errno != EINTR { throw DeviceError(operation: .read, path: "fd \(fd)", errno: errno) }
    }
}
