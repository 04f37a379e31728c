import AssayModel

/// The pipeline's stage for `--controls`: reconciles the CUECs with the register in the options.
/// Without a register it does nothing, so output without `--controls` is unchanged.
struct CUECReconciliationMapper: DocumentMapper {
    func map(_ context: DocumentContext, document: inout AssayDocument) throws {
        guard let register = context.options.controls else { return }
        try CUECReconciler(register: register, rules: context.rules).apply(to: &document)
    }
}
