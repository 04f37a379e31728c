#ifndef ASSAY_CTESSERACT_H
#define ASSAY_CTESSERACT_H
/* Tesseract's C API, loaded on first use with dlopen instead of linked.
 *
 * libtesseract pulls in about 35 shared libraries (leptonica, libarchive, libcurl and their TLS,
 * Kerberos and LDAP dependencies). Linked, the dynamic loader maps and relocates all of them in
 * every process that starts, about 10 ms each time, although only a worker that OCRs a scanned page
 * ever calls Tesseract. Loaded on demand, they cost nothing elsewhere, and a machine without
 * Tesseract still runs everything but OCR.
 *
 * Each assay_Tess... function has the signature of the Tess... function of capi.h it forwards to.
 * Call assay_tesseract_available() first: the forwarders do nothing (and return 0 or NULL) when
 * the library could not be loaded. */
#include <tesseract/capi.h>

/* 1 when libtesseract was loaded and every function used was found (loads it on the first call). */
int assay_tesseract_available(void);

TessBaseAPI *assay_TessBaseAPICreate(void);
void assay_TessBaseAPIDelete(TessBaseAPI *handle);
int assay_TessBaseAPIInit3(TessBaseAPI *handle, const char *datapath, const char *language);
BOOL assay_TessBaseAPISetVariable(TessBaseAPI *handle, const char *name, const char *value);
void assay_TessBaseAPIEnd(TessBaseAPI *handle);
void assay_TessBaseAPIClear(TessBaseAPI *handle);
void assay_TessBaseAPISetImage(TessBaseAPI *handle, const unsigned char *imagedata, int width, int height,
                               int bytes_per_pixel, int bytes_per_line);
void assay_TessBaseAPISetSourceResolution(TessBaseAPI *handle, int ppi);
int assay_TessBaseAPIRecognize(TessBaseAPI *handle, ETEXT_DESC *monitor);
TessResultIterator *assay_TessBaseAPIGetIterator(TessBaseAPI *handle);
void assay_TessResultIteratorDelete(TessResultIterator *handle);
TessPageIterator *assay_TessResultIteratorGetPageIterator(TessResultIterator *handle);
char *assay_TessResultIteratorGetUTF8Text(const TessResultIterator *handle, TessPageIteratorLevel level);
float assay_TessResultIteratorConfidence(const TessResultIterator *handle, TessPageIteratorLevel level);
BOOL assay_TessResultIteratorNext(TessResultIterator *handle, TessPageIteratorLevel level);
BOOL assay_TessPageIteratorIsAtBeginningOf(const TessPageIterator *handle, TessPageIteratorLevel level);
BOOL assay_TessPageIteratorBoundingBox(const TessPageIterator *handle, TessPageIteratorLevel level,
                                       int *left, int *top, int *right, int *bottom);
void assay_TessDeleteText(const char *text);
/* The script the page is written in ("Latin", "Hangul", "Han", "Cyrillic" …), with the "osd" data. */
BOOL assay_TessBaseAPIDetectOrientationScript(TessBaseAPI *handle, int *degrees, float *degrees_confidence,
                                              const char **script, float *script_confidence);

/* Hands freed heap memory back to the system (glibc's malloc_trim). */
void assay_release_free_memory(void);
#endif
