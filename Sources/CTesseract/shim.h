#ifndef ASSAY_CTESSERACT_SHIM_H
#define ASSAY_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#include <malloc.h>

/* Hands freed heap memory back to the system (glibc); Swift's Glibc module does not export it. */
static inline void assay_release_free_memory(void) { malloc_trim(0); }
#endif
