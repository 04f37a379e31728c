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

/// Renders a poppler page through cairo onto white, at `dpi`.
enum PageRenderer {
    static func render(_ page: OpaquePointer, dpi: Double) -> PageImage? {
        var widthPoints = 0.0, heightPoints = 0.0
        poppler_page_get_size(page, &widthPoints, &heightPoints)
        let scale = dpi / 72
        let width = Int((widthPoints * scale).rounded(.up)), height = Int((heightPoints * scale).rounded(.up))
        // A hostile page size must not make us allocate gigabytes.
        guard width > 0, height > 0, width <= 20_000, height <= 20_000, width * height <= 60_000_000 else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let cairo = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_scale(cairo, scale, scale)
        poppler_page_render_for_printing(page, cairo)
        cairo_destroy(cairo)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width {
                // RGB24 is stored as 32-bit native-endian 0x00RRGGBB: bytes B, G, R, X on x86.
                let p = row + x * 4
                let grey = (UInt32(p[0]) * 29 + UInt32(p[1]) * 150 + UInt32(p[2]) * 77) >> 8
                pixels[y * width + x] = UInt8(min(grey, 255))
            }
        }
        return PageImage(width: width, height: height, pixels: pixels, scale: scale)
    }
}
