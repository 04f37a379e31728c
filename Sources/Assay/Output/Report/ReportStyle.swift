/// The one stylesheet every report page carries inline: system fonts, dark text on white (contrast
/// well above WCAG AA, muted text included), tables that break cleanly across printed pages.
enum ReportStyle {
    static let css = """
    :root { color-scheme: light; }
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
    main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
    h1 { font-size: 1.6rem; margin: 0 0 1rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
    table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
    th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border: 1px solid #8a8a8a; }
    thead th { background: #e8e8e8; }
    tbody th { width: 14rem; font-weight: 600; background: #f4f4f4; }
    tr, figure, li { break-inside: avoid; }
    thead { display: table-header-group; }
    a { color: #0b4f9c; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
    .low, .low td { color: #4d4d4d; }
    .conf { font-style: italic; font-size: .85em; color: #4d4d4d; }
    .sev { font-weight: 700; text-transform: uppercase; font-size: .8em; padding: 0 .3em; border: 1px solid currentColor; }
    .sev-high { color: #a00000; } .sev-medium { color: #7a4a00; } .sev-low { color: #1f5f1f; } .sev-info { color: #333; }
    .ask { margin: .2rem 0 0; }
    .todo { list-style: none; padding-left: .2rem; }
    .todo li::before { content: "\\2610\\00a0"; }
    figure.evidence { margin: .35rem 0; font-size: .85em; color: #333; }
    figure.evidence img { display: block; max-width: 100%; height: auto; border: 1px solid #8a8a8a; }
    figcaption q { font-style: italic; }
    footer { margin-top: 2rem; font-size: .85em; color: #4d4d4d; }
    @media print { body { font-size: 11pt; } main { max-width: none; padding: 0; } a { color: inherit; } h2 { break-after: avoid; } }
    """
}
