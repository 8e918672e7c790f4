// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CreditSim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "creditsim", targets: ["creditsim"]),
        .library(name: "CreditSim", targets: ["CreditSim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        .target(
            name: "CreditSim",
            dependencies: [
                "CGSL",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .executableTarget(
            name: "creditsim",
            dependencies: [
                "CreditSim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CreditSimTests",
            dependencies: ["CreditSim"],
            exclude: ["Fixtures"]
        ),
    ]
)
