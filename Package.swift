// swift-tools-version:6.1
// Till: a Linux terminal point of sale with its own ESC/POS driver.
//
// Layers (each a target; a target imports only what its line names):
//   TillCore            pure transaction core: state + action -> new state + effects. No I/O, clock or randomness.
//   TillPorts           printer and store protocols (the runtime's ports)       -> TillCore
//   TillJournal         GRDB/SQLite journal, catalog and users store            -> TillCore, TillPorts
//   TillGraphics        1-bit bitmaps, PNG, bitmap font, QR and 1D barcode symbols (pure computation + zlib) -> TillCore
//   TillEscPos          printer profiles, slip layout and the ESC/POS encoder   -> TillCore, TillGraphics
//   TillVirtualPrinter  ESC/POS decoder, paper renderer, status and faults      -> TillCore, TillEscPos, TillGraphics
//   TillRuntime         runs the core and performs its effects                 -> TillCore, TillPorts
//   TillTraining        drill expectations and scoring (pure)                  -> TillCore
//   TillSerial          the one serial line set-up (termios 8N1, baud table, flow control) for printers and scanners
//   TillScanning        barcode symbologies, GS1, scanner readers (serial, evdev, wedge) -> TillCore, TillSerial
//   CLibUSB             libusb-1.0 headers (system library; Debian libusb-1.0-0-dev)
//   TillDevices         printer transports (usb, lp, serial, tcp), the printer driver, device
//                       discovery and udev rules -> TillCore, TillPorts, TillEscPos, TillSerial, CLibUSB (never the emulator)
//   TillScreen          the ncurses till screen: pure layout + key model, curses loop -> TillCore, TillPorts, TillRuntime, CNCursesW
//   TillCentral         the shared PostgreSQL journal (issue 15): central store, chain check on arrival,
//                       outbox replication, catalog/users published to tills -> TillCore, TillPorts, PostgresNIO
//                       (never linked by TillScreen or TillDevices: Scripts/check-layers)
//   till                the command-line tool (swift-argument-parser)          -> everything
import PackageDescription

let package = Package(
    name: "Till",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "till", targets: ["till"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "TillCore"),
        // Crypto: the PIN hasher every store engine shares.
        .target(name: "TillPorts", dependencies: [
            "TillCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        .target(
            name: "TillJournal",
            dependencies: [
                "TillCore", "TillPorts",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "TillGraphics", dependencies: ["TillCore", "CZlib"]),
        .target(name: "TillEscPos", dependencies: ["TillCore", "TillGraphics"]),
        .target(name: "TillVirtualPrinter", dependencies: ["TillCore", "TillEscPos", "TillGraphics"]),
        .target(name: "TillRuntime", dependencies: ["TillCore", "TillPorts"]),
        .target(name: "TillTraining", dependencies: ["TillCore"]),
        .target(name: "TillSerial"),
        .target(name: "TillScanning", dependencies: ["TillCore", "TillSerial"]),
        .systemLibrary(name: "CLibUSB", path: "Sources/CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
        .target(name: "TillDevices", dependencies: ["TillCore", "TillEscPos", "TillGraphics", "TillPorts", "TillSerial", "CLibUSB"]),
        // ncursesw, wide-character API; the shim defines NCURSES_WIDECHAR and wraps curses macros.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TillScreen", dependencies: ["TillCore", "TillPorts", "TillRuntime", "CNCursesW"]),
        .target(
            name: "TillCentral",
            dependencies: [
                "TillCore", "TillPorts",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "till",
            dependencies: [
                "TillCore", "TillPorts", "TillJournal", "TillRuntime", "TillEscPos", "TillVirtualPrinter", "TillGraphics", "TillTraining",
                "TillScanning", "TillSerial", "TillDevices", "TillScreen", "TillCentral",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                // Only for `till bench core`'s peer: plain SQLite through GRDB, measured beside the journal.
                .product(name: "GRDB", package: "GRDB.swift"),
                // Only for `till bench chain` and `till bench central-reports`: their own central queries.
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            // The stock refund drills ship with the package (TOML files and their key scripts).
            resources: [.copy("Drills")]
        ),
        // The core's rules are driven through the real runtime over an in-memory journal.
        .testTarget(name: "TillCoreTests", dependencies: ["TillCore", "TillRuntime", "TillJournal"]),
        // TillCentral: the store contract also runs against the PostgreSQL engine.
        .testTarget(name: "TillJournalTests", dependencies: ["TillJournal", "TillCore", "TillCentral"]),
        .testTarget(name: "TillGraphicsTests", dependencies: ["TillGraphics"]),
        .testTarget(name: "TillEscPosTests", dependencies: ["TillEscPos", "TillVirtualPrinter", "TillGraphics", "TillCore"]),
        .testTarget(name: "TillVirtualPrinterTests", dependencies: ["TillVirtualPrinter", "TillEscPos", "TillGraphics", "TillCore"]),
        // TillEscPos and TillVirtualPrinter: the refund-split property reads its slips back off decoded ESC/POS.
        .testTarget(name: "TillRuntimeTests", dependencies: ["TillRuntime", "TillJournal", "TillCore", "TillEscPos", "TillVirtualPrinter"]),
        .testTarget(name: "TillTrainingTests", dependencies: ["TillTraining", "TillCore"]),
        .testTarget(name: "TillCommandTests", dependencies: ["till", "TillJournal", "TillCore"]),
        .testTarget(
            name: "TillScanningTests",
            dependencies: ["TillScanning", "TillSerial", "TillCore"],
            // The umockdev harness (Python, device description, nothing Swift) stays beside the tests.
            exclude: ["Harness"]
        ),
        .testTarget(
            name: "TillDevicesTests",
            dependencies: ["TillDevices", "till", "TillEscPos", "TillVirtualPrinter", "TillRuntime", "TillScanning", "TillSerial", "TillCore",
                           "TillJournal", "TillGraphics", "TillScreen"],
            // The umockdev harness (Python) and device descriptions are run from the source tree.
            exclude: ["Harness"]
        ),
        .testTarget(name: "TillScreenTests", dependencies: ["TillScreen", "till", "TillRuntime", "TillJournal", "TillCore"]),
        .testTarget(name: "TillCentralTests", dependencies: ["TillCentral", "till", "TillJournal", "TillPorts", "TillRuntime", "TillCore"]),
    ]
)
