#ifndef ASSAY_CLIBXML2_SHIM_H
#define ASSAY_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its headers then pull in ICU types that clash with Foundation's
// copy in the same module graph. Assay never uses libxml2's ICU API, so switch it off before the rest.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void assay_xml_free(void *p) { xmlFree(p); }

static inline void assay_xml_ignore_error(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }
/// Installs a no-op structured error handler on the calling thread, so encoding errors in hostile
/// pages are not printed to stderr (HTML_PARSE_NOERROR alone does not stop them).
static inline void assay_xml_silence_errors(void) { xmlSetStructuredErrorFunc(NULL, assay_xml_ignore_error); }
#endif
