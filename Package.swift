// swift-tools-version:6.0
import PackageDescription

// Layers, each a target so the compiler holds the boundaries:
//   AssayModel  — pure value types (contract, paged text); no C, no I/O.
//   AssayIngest — the only target that sees poppler and libxml2.
//   AssayCore   — one document end to end: classify, segment, extract, map, rules; no GRDB, no output formats.
//   Assay       — around the core: worker isolation, batch with SQLite, vendor view, output formats, eval.
//   assay       — the command-line tool, thin commands over the library.
let package = Package(
    name: "Assay",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Assay", targets: ["Assay"]),
        .executable(name: "assay", targets: ["AssayCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Only for `swift package generate-documentation --target Assay` (DocC); adds nothing to the build.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // Tesseract's headers only: the library is loaded with dlopen when a page needs OCR (see
        // Sources/CTesseract/include/CTesseract.h for why).
        .target(name: "CTesseract", path: "Sources/CTesseract", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "AssayModel", path: "Sources/Assay/Model"),
        .target(name: "AssayIngest",
                dependencies: ["AssayModel", "CPoppler", "CLibXML2", "CTesseract"],
                path: "Sources/Assay/Ingest"),
        .target(name: "AssayCore",
                dependencies: ["AssayModel", "AssayIngest", "Yams"],
                path: "Sources/AssayCore"),
        .target(name: "Assay",
                dependencies: ["AssayModel", "AssayIngest", "AssayCore", "Yams", .product(name: "GRDB", package: "GRDB.swift")],
                path: "Sources/Assay",
                exclude: ["Model", "Ingest"]),
        // mimalloc stands in for glibc's malloc in the tool (poppler's allocations included): a report's many
        // small allocations across threads cost about a tenth of the run's CPU with glibc's arenas.
        .executableTarget(name: "AssayCLI",
                          dependencies: ["Assay", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        // libFuzzer targets (fuzz/run builds them with -DFUZZING); an ordinary build makes a replay tool.
        .executableTarget(name: "AssayFuzz", dependencies: ["Assay", "AssayCore", "AssayIngest", "AssayModel"], path: "Sources/AssayFuzz"),
        .testTarget(name: "AssayTests", dependencies: ["Assay", "AssayCore", "AssayModel", "AssayIngest"]),
        .testTarget(name: "AssayCLITests", dependencies: ["AssayCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
