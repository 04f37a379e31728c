internal import CPoppler
import Foundation

/// A page rendered to pixels: 8-bit grey, one byte per pixel, rows `width` bytes apart.
struct PageImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]
    /// Pixels per PDF point.
    var scale: Double

    /// Share of pixels darker than mid-grey: a blank page is near 0.
    var inkCoverage: Double {
        guard !pixels.isEmpty else { return 0 }
        var dark = 0
        for pixel in pixels where pixel < 128 { dark += 1 }
        return Double(dark) / Double(pixels.count)
    }
}

/// Renders a poppler page through cairo onto white, at `dpi`, in horizontal bands: a full colour
/// surface of a page at 300 dpi is about 34 MB, four times the grey image kept, and it would set the
/// OCR worker's peak memory. Each band is drawn by poppler with the page shifted up, clipped to
/// the band, and converted to grey before the next one.
enum PageRenderer {
    /// Rows per band: about 4 MB of colour surface for a page 2,550 pixels wide.
    static let bandRows = 400

    static func render(_ page: OpaquePointer, dpi: Double) -> PageImage? {
        var widthPoints = 0.0, heightPoints = 0.0
        poppler_page_get_size(page, &widthPoints, &heightPoints)
        let scale = dpi / 72
        let width = Int((widthPoints * scale).rounded(.up)), height = Int((heightPoints * scale).rounded(.up))
        // A hostile page size must not make us allocate gigabytes.
        guard width > 0, height > 0, width <= 20_000, height <= 20_000, width * height <= 60_000_000 else { return nil }
        let rows = min(height, bandRows)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(rows)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        var pixels = [UInt8](repeating: 255, count: width * height)
        var top = 0
        while top < height {
            let bandHeight = min(rows, height - top)
            guard let cairo = cairo_create(surface) else { return nil }
            cairo_set_source_rgb(cairo, 1, 1, 1)
            cairo_paint(cairo)
            cairo_translate(cairo, 0, -Double(top))
            cairo_scale(cairo, scale, scale)
            poppler_page_render_for_printing(page, cairo)
            cairo_destroy(cairo)
            cairo_surface_flush(surface)
            guard let data = cairo_image_surface_get_data(surface) else { return nil }
            let stride = Int(cairo_image_surface_get_stride(surface))
            pixels.withUnsafeMutableBufferPointer { grey in
                for y in 0..<bandHeight {
                    let row = data + y * stride
                    let out = (top + y) * width
                    for x in 0..<width {
                        // RGB24 is stored as 32-bit native-endian 0x00RRGGBB: bytes B, G, R, X on x86.
                        let p = row + x * 4
                        grey[out + x] = UInt8(truncatingIfNeeded: (UInt32(p[0]) * 29 + UInt32(p[1]) * 150 + UInt32(p[2]) * 77) >> 8)
                    }
                }
            }
            top += bandHeight
        }
        return PageImage(width: width, height: height, pixels: pixels, scale: scale)
    }
}
