// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Briefing, kept out of the main package so that its builds and
// tests never compile them. Build and run them with scripts/fuzz, which adds the flags
// that instrument the code and link libFuzzer (-sanitize=fuzzer,address).
//
// Sources/FuzzPipelines links to Tests/BriefingKitTests/FuzzPipelines: the tests run
// every input the fuzzers ever crashed on through the very same code.
let package = Package(
    name: "BriefingFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Briefing", path: ".."),
    ],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .target(
            name: "FuzzPipelines",
            dependencies: [.product(name: "BriefingKit", package: "Briefing")]
        ),
        .executableTarget(
            name: "IngestFuzzer",
            dependencies: ["CLibFuzzer", "FuzzPipelines"]
        ),
        .executableTarget(
            name: "ModelFuzzer",
            dependencies: ["CLibFuzzer", "FuzzPipelines", .product(name: "BriefingKit", package: "Briefing")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
