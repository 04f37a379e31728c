import ArgumentParser
import Assay

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the output contract (assay.document/v1), or with --vendors that of assay vendors (assay.vendors/v1)."
    )

    @Flag(help: "Print the schema of the vendor view (assay vendors) instead of the document contract.")
    var vendors = false

    func run() throws {
        print(vendors ? VendorSchema.json : ContractSchema.json)
    }
}
