internal import CPoppler
import Foundation

/// The images a PDF page draws, as the share of the page the largest one covers.
///
/// Designed certificates are often a full-page picture (labels, the issuer's name, the scheme and
/// the accreditation marks) with only the filled-in values as text on top; poppler's text layer
/// then holds values without their labels.
enum PageImages {
    static func largestShare(_ page: OpaquePointer) -> Double {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width > 0, height > 0, let list = poppler_page_get_image_mapping(page) else { return 0 }
        defer { poppler_page_free_image_mapping(list) }
        var largest = 0.0
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let data = current.pointee.data {
                let mapping = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                let w = min(width, max(0, mapping.area.x2) ) - max(0, min(width, mapping.area.x1))
                let h = min(height, max(0, mapping.area.y2)) - max(0, min(height, mapping.area.y1))
                if w > 0, h > 0 { largest = max(largest, w * h / (width * height)) }
            }
            node = current.pointee.next
        }
        return largest
    }
}
