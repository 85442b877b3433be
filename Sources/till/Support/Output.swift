import Foundation
import Synchronization
import TillCore

/// Writing to the terminal: lines go out at once (a crash must not lose an acknowledged line).
enum Output {
    /// The language of messages, set once from the configuration and read by every command.
    static var language: Language {
        get { chosenLanguage.withLock { $0 } }
        set { chosenLanguage.withLock { $0 = newValue } }
    }
    private static let chosenLanguage = Mutex(Language.en)

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A progress line on stderr that rewrites itself on a terminal.
    static func progress(_ text: String) {
        let terminal = isatty(2) == 1
        FileHandle.standardError.write(Data((terminal ? "\r\(text)\u{1B}[K" : text + "\n").utf8))
    }
}
