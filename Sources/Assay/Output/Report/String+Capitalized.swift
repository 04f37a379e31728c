extension String {
    /// The string with its first letter upper-cased ("no sample sizes" → "No sample sizes").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
