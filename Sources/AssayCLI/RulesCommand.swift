import ArgumentParser
import Assay
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with the rule and mapping data under extractors/.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate every rule file: YAML syntax, the keys each stage reads, and its patterns.",
            discussion: """
            Exits 0 when all files are valid; otherwise prints one line per problem, naming the file and \
            the key, and exits 1. Point it at another folder with ASSAY_RULES=DIR or --rules DIR.

            Example:
              assay rules check --rules ./extractors
            """
        )

        @Option(help: "The rules folder (default: the one Assay uses).")
        var rules: String?

        func run() throws {
            let book = try rules.map { RuleBook(directory: URL(fileURLWithPath: $0)) } ?? RuleBook.standard()
            let problems = RuleCatalog.problems(in: book)
            if problems.isEmpty {
                print("\(book.directory.path): \(RuleCatalog.checks.count) rule files valid")
                return
            }
            for problem in problems { print(problem) }
            throw ExitCode(1)
        }
    }
}
