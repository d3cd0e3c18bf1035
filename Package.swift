// swift-tools-version:6.0
import PackageDescription

// Briefing runs on Linux (Debian 12 and its kin): it watches files with inotify, swaps the
// output folder with renameat2 and reads nanosecond file times from stat's st_mtim.

let package = Package(
    name: "Briefing",
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "BriefingKit", targets: ["BriefingKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "BriefingKit",
            dependencies: [
                "CCmarkGFM",
                "CYAML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            // Documentation, not a source or a resource.
            exclude: ["README.md", "Preview/Editor"],
            plugins: ["EmbedTemplates"]
        ),
        // Carries Templates/ inside the library for `briefing init`, remade on each build.
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"]
        ),
        // Tells `briefing --version` the number in VERSION and the commit a release was
        // built from (BRIEFING_COMMIT, set by scripts/release).
        .executableTarget(name: "VersionStamper"),
        .plugin(
            name: "StampVersion",
            capability: .buildTool(),
            dependencies: ["VersionStamper"]
        ),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["StampVersion"]
        ),
        // The tests read built pages with libxml2's HTML parser, so that they assert what a
        // page says and links to rather than how the templates spell it.
        .systemLibrary(
            name: "CLibXML2",
            path: "Tests/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .testTarget(
            name: "BriefingKitTests",
            dependencies: ["BriefingKit", "CLibXML2"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
