// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// `CREDITSIM_CHECKS=1 swift test` compiles the engine's scratch-buffer index checks in (CI runs
/// the tests once so); only the CreditSim target and what depends on it are rebuilt.
let engineChecks: [SwiftSetting] =
    ProcessInfo.processInfo.environment["CREDITSIM_CHECKS"] == nil ? [] : [.define("CREDITSIM_CHECKS")]

/// `CREDITSIM_STRICT=1` turns warnings in CreditSim's own targets into errors (CI builds so).
let strict: [SwiftSetting] =
    ProcessInfo.processInfo.environment["CREDITSIM_STRICT"] == nil
    ? [] : [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "CreditSim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "creditsim", targets: ["creditsim"]),
        .library(name: "CreditSim", targets: ["CreditSim", "GSL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        .target(
            name: "GSL",
            dependencies: ["CGSL"],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")] + strict
        ),
        .target(
            name: "CreditSim",
            dependencies: [
                "GSL",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")] + engineChecks + strict
        ),
        .target(
            name: "CreditSimExplorer",
            dependencies: [
                "CreditSim",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            resources: [
                .embedInCode("Assets/index.html"),
                .embedInCode("Assets/explorer.js"),
                .embedInCode("Assets/explorer.css"),
            ],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")] + strict
        ),
        .executableTarget(
            name: "creditsim",
            dependencies: [
                "CreditSim",
                "GSL",
                "CreditSimExplorer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CreditSimTests",
            dependencies: ["CreditSim", "GSL", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CreditSimExplorerTests",
            dependencies: [
                "CreditSimExplorer",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
    ]
)
