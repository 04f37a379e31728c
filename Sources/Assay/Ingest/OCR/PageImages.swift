internal import CPoppler
import AssayModel
import Foundation

/// The images a PDF page draws: their areas, and the share of the page the largest one covers.
///
/// Designed certificates are often a full-page picture (labels, the issuer's name, the scheme and
/// the accreditation marks) with only the filled-in values as text on top; poppler's text layer
/// then holds values without their labels.
enum PageImages {
    /// Every image's area, clipped to the page, in PDF points with the origin top-left.
    static func areas(_ page: OpaquePointer) -> [Box] {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width > 0, height > 0, let list = poppler_page_get_image_mapping(page) else { return [] }
        defer { poppler_page_free_image_mapping(list) }
        var areas: [Box] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let area = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                areas.append(Box(x0: max(0, min(area.x1, area.x2)), y0: max(0, min(area.y1, area.y2)),
                                 x1: min(width, max(area.x1, area.x2)), y1: min(height, max(area.y1, area.y2))))
            }
            node = current.pointee.next
        }
        return areas
    }

    /// The share of a `width` × `height` page that `box` covers.
    static func share(_ box: Box, width: Double, height: Double) -> Double {
        max(0, box.x1 - box.x0) * max(0, box.y1 - box.y0) / max(1, width * height)
    }

    static func largestShare(_ page: OpaquePointer) -> Double {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        return areas(page).map { share($0, width: width, height: height) }.max() ?? 0
    }
}
