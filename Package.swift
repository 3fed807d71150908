// swift-tools-version: 6.1
import PackageDescription

// Layers (see README "Architecture"): cadredesk → DeskApp → (DeskCore, DeskTUI);
// DeskCore → DeskLog; DeskTUI → CNcursesw. Nothing points back up.
let package = Package(
    name: "CadreDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cadredesk", targets: ["cadredesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // Hardware CRC-32C (SSE4.2 / ARMv8 CRC) with a portable fallback, and the log
        // line's writer's form checked 16 bytes at a time (SSE4.2, else the Swift
        // decoder takes every line): Swift cannot use the target-specific intrinsics.
        .target(name: "CDeskCRC", path: "Sources/CDeskCRC", cSettings: [.unsafeFlags(["-O2"])]),
        // The log's byte scanner is the hot path of every start-up and of the
        // recovery tests (every truncation point, every bit flip): optimised
        // even in debug builds, where it would otherwise run ~50× slower.
        .target(name: "DeskLog", dependencies: ["CDeskCRC"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "DeskCore", dependencies: [
            "DeskLog",
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "DeskTUI", dependencies: [
            "CNcursesw",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "DeskApp", dependencies: ["DeskCore", "DeskTUI"]),
        .executableTarget(name: "cadredesk", dependencies: [
            "DeskApp", "CSQLite",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Child process for the log's multi-process and kill tests.
        .executableTarget(name: "desklog-stress", dependencies: ["DeskLog"]),
        // Child process for the centre's last-place race (two terminals enrolling at once).
        .executableTarget(name: "centre-race", dependencies: ["DeskCore"]),
        .testTarget(name: "DeskLogTests", dependencies: ["DeskLog"]),
        .testTarget(name: "DeskCoreTests", dependencies: ["DeskCore"]),
        .testTarget(name: "DeskTUITests", dependencies: ["DeskTUI"]),
        .testTarget(name: "DeskAppTests", dependencies: ["DeskApp"]),
        // Real child processes and real tmux sessions against the built binary.
        .testTarget(name: "EndToEndTests", dependencies: ["cadredesk", "desklog-stress", "centre-race", "DeskCore"]),
    ]
)
