import ArgumentParser
import Assay

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the output contract (assay.document/v1)."
    )

    func run() throws {
        print(ContractSchema.json)
    }
}
