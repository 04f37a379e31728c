internal import CPoppler
import AssayModel
import Foundation

/// A cut-out of one page region as a PNG, with its size in pixels.
package struct EvidenceCrop: Sendable, Hashable {
    package var png: Data
    package var width: Int
    package var height: Int
}

/// Renders the regions of a PDF that evidence points at (page + box in PDF points, origin top-left)
/// into small PNG images through cairo, for the review page.
///
/// The box comes from file bytes (and a hostile file can claim any page size), so the region is
/// clipped to the page and the scale lowered until the image fits `maxSide` pixels a side: a crop
/// never allocates more than `maxSide`² pixels whatever the box says.
package final class EvidenceCropper {
    package static let defaultDPI = 110.0
    /// Points of page kept around the box so the quote is readable in its context.
    package static let margin = 4.0
    package static let maxSide = 1_600

    private let document: PopplerDocument
    private let dpi: Double

    /// Opens the PDF; throws `DocumentError` (`encrypted`, `malformed`) as extraction would.
    package init(data: Data, password: String? = nil, dpi: Double = EvidenceCropper.defaultDPI) throws {
        assay_poppler_silence_logs()
        document = try PopplerDocument(data: data, password: password)
        self.dpi = dpi
    }

    package var pageCount: Int { document.pageCount }

    /// The PNG of `bbox` (`[x0, y0, x1, y1]`) on 1-based `page`, with a margin; nil when the page or
    /// box cannot be rendered.
    package func crop(page: Int, bbox: [Double]) -> EvidenceCrop? {
        guard page >= 1, page <= document.pageCount else { return nil }
        return document.withPage(page - 1) { handle -> EvidenceCrop? in
            var width = 0.0, height = 0.0
            poppler_page_get_size(handle, &width, &height)
            guard let geometry = Self.geometry(bbox: bbox, pageWidth: width, pageHeight: height, dpi: dpi) else { return nil }
            return Self.render(handle, geometry: geometry)
        } ?? nil
    }

    /// Crops for many regions; the same region is rendered once.
    package func crops(_ regions: [(page: Int, bbox: [Double])]) -> [EvidenceCrop?] {
        var cache: [String: EvidenceCrop?] = [:]
        return regions.map { region in
            let key = "\(region.page):\(region.bbox)"
            if let cached = cache[key] { return cached }
            let crop = crop(page: region.page, bbox: region.bbox)
            cache[key] = crop
            return crop
        }
    }

    /// Where and how large a crop is: the region in points and the pixel size.
    package struct Geometry: Sendable, Hashable {
        package var x: Double
        package var y: Double
        package var scale: Double
        package var width: Int
        package var height: Int
    }

    /// The box widened by the margin, clipped to the page, scaled to `dpi` and capped at `maxSide`.
    package static func geometry(bbox: [Double], pageWidth: Double, pageHeight: Double,
                                 dpi: Double = defaultDPI) -> Geometry? {
        guard bbox.count == 4, bbox.allSatisfy(\.isFinite), pageWidth.isFinite, pageHeight.isFinite,
              pageWidth > 0, pageHeight > 0, dpi.isFinite, dpi > 0 else { return nil }
        let x0 = max(0, min(bbox[0], bbox[2]) - margin), y0 = max(0, min(bbox[1], bbox[3]) - margin)
        let x1 = min(pageWidth, max(bbox[0], bbox[2]) + margin), y1 = min(pageHeight, max(bbox[1], bbox[3]) + margin)
        guard x1 - x0 >= 1, y1 - y0 >= 1 else { return nil }
        let side = Double(maxSide)
        let scale = min(dpi / 72, side / (x1 - x0), side / (y1 - y0))
        let width = min(maxSide, max(1, Int(((x1 - x0) * scale).rounded(.up))))
        let height = min(maxSide, max(1, Int(((y1 - y0) * scale).rounded(.up))))
        return Geometry(x: x0, y: y0, scale: scale, width: width, height: height)
    }

    private static func render(_ page: OpaquePointer, geometry: Geometry) -> EvidenceCrop? {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(geometry.width), Int32(geometry.height)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cairo = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_scale(cairo, geometry.scale, geometry.scale)
        cairo_translate(cairo, -geometry.x, -geometry.y)
        poppler_page_render_for_printing(page, cairo)
        cairo_destroy(cairo)
        cairo_surface_flush(surface)
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
            guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue()
            if let bytes, length > 0 { sink.data.append(bytes, count: Int(length)) }
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { return nil }
        return EvidenceCrop(png: sink.data, width: geometry.width, height: geometry.height)
    }
}

/// Collects the bytes cairo writes; passed to the C callback as its closure pointer.
private final class PNGSink {
    var data = Data()
}
