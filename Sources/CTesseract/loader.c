#include "CTesseract.h"
#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <stddef.h>

/* The functions Assay uses, found once with dlsym. */
static struct {
    __typeof__(&TessBaseAPICreate) create;
    __typeof__(&TessBaseAPIDelete) delete_api;
    __typeof__(&TessBaseAPIInit3) init3;
    __typeof__(&TessBaseAPISetVariable) set_variable;
    __typeof__(&TessBaseAPIEnd) end;
    __typeof__(&TessBaseAPIClear) clear;
    __typeof__(&TessBaseAPISetImage) set_image;
    __typeof__(&TessBaseAPISetSourceResolution) set_source_resolution;
    __typeof__(&TessBaseAPIRecognize) recognize;
    __typeof__(&TessBaseAPIGetIterator) get_iterator;
    __typeof__(&TessResultIteratorDelete) result_delete;
    __typeof__(&TessResultIteratorGetPageIterator) result_page_iterator;
    __typeof__(&TessResultIteratorGetUTF8Text) result_text;
    __typeof__(&TessResultIteratorConfidence) result_confidence;
    __typeof__(&TessResultIteratorNext) result_next;
    __typeof__(&TessPageIteratorIsAtBeginningOf) page_at_beginning;
    __typeof__(&TessPageIteratorBoundingBox) page_box;
    __typeof__(&TessDeleteText) delete_text;
    __typeof__(&TessBaseAPIDetectOrientationScript) detect_script;
} api;

static int loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    /* By soname from the system's library paths only: never a path from the environment or input. */
    static const char *const names[] = { "libtesseract.so.5", "libtesseract.so.4", "libtesseract.so" };
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) return;
#define FIND(field, symbol) \
    if ((*(void **)&api.field = dlsym(library, #symbol)) == NULL) return;
    FIND(create, TessBaseAPICreate)
    FIND(delete_api, TessBaseAPIDelete)
    FIND(init3, TessBaseAPIInit3)
    FIND(set_variable, TessBaseAPISetVariable)
    FIND(end, TessBaseAPIEnd)
    FIND(clear, TessBaseAPIClear)
    FIND(set_image, TessBaseAPISetImage)
    FIND(set_source_resolution, TessBaseAPISetSourceResolution)
    FIND(recognize, TessBaseAPIRecognize)
    FIND(get_iterator, TessBaseAPIGetIterator)
    FIND(result_delete, TessResultIteratorDelete)
    FIND(result_page_iterator, TessResultIteratorGetPageIterator)
    FIND(result_text, TessResultIteratorGetUTF8Text)
    FIND(result_confidence, TessResultIteratorConfidence)
    FIND(result_next, TessResultIteratorNext)
    FIND(page_at_beginning, TessPageIteratorIsAtBeginningOf)
    FIND(page_box, TessPageIteratorBoundingBox)
    FIND(delete_text, TessDeleteText)
    FIND(detect_script, TessBaseAPIDetectOrientationScript)
#undef FIND
    loaded = 1;
}

int assay_tesseract_available(void) {
    pthread_once(&load_once, load);
    return loaded;
}

/* Forwarders: each checks that the library is loaded, so a call without it is a no-op. */
TessBaseAPI *assay_TessBaseAPICreate(void) { return assay_tesseract_available() ? api.create() : NULL; }
void assay_TessBaseAPIDelete(TessBaseAPI *h) { if (assay_tesseract_available()) api.delete_api(h); }
int assay_TessBaseAPIInit3(TessBaseAPI *h, const char *path, const char *lang) {
    return assay_tesseract_available() ? api.init3(h, path, lang) : -1;
}
BOOL assay_TessBaseAPISetVariable(TessBaseAPI *h, const char *name, const char *value) {
    return assay_tesseract_available() ? api.set_variable(h, name, value) : 0;
}
void assay_TessBaseAPIEnd(TessBaseAPI *h) { if (assay_tesseract_available()) api.end(h); }
void assay_TessBaseAPIClear(TessBaseAPI *h) { if (assay_tesseract_available()) api.clear(h); }
void assay_TessBaseAPISetImage(TessBaseAPI *h, const unsigned char *data, int width, int height, int bpp, int bpl) {
    if (assay_tesseract_available()) api.set_image(h, data, width, height, bpp, bpl);
}
void assay_TessBaseAPISetSourceResolution(TessBaseAPI *h, int ppi) {
    if (assay_tesseract_available()) api.set_source_resolution(h, ppi);
}
int assay_TessBaseAPIRecognize(TessBaseAPI *h, ETEXT_DESC *monitor) {
    return assay_tesseract_available() ? api.recognize(h, monitor) : -1;
}
TessResultIterator *assay_TessBaseAPIGetIterator(TessBaseAPI *h) {
    return assay_tesseract_available() ? api.get_iterator(h) : NULL;
}
void assay_TessResultIteratorDelete(TessResultIterator *h) { if (assay_tesseract_available()) api.result_delete(h); }
TessPageIterator *assay_TessResultIteratorGetPageIterator(TessResultIterator *h) {
    return assay_tesseract_available() ? api.result_page_iterator(h) : NULL;
}
char *assay_TessResultIteratorGetUTF8Text(const TessResultIterator *h, TessPageIteratorLevel level) {
    return assay_tesseract_available() ? api.result_text(h, level) : NULL;
}
float assay_TessResultIteratorConfidence(const TessResultIterator *h, TessPageIteratorLevel level) {
    return assay_tesseract_available() ? api.result_confidence(h, level) : 0;
}
BOOL assay_TessResultIteratorNext(TessResultIterator *h, TessPageIteratorLevel level) {
    return assay_tesseract_available() ? api.result_next(h, level) : 0;
}
BOOL assay_TessPageIteratorIsAtBeginningOf(const TessPageIterator *h, TessPageIteratorLevel level) {
    return assay_tesseract_available() ? api.page_at_beginning(h, level) : 0;
}
BOOL assay_TessPageIteratorBoundingBox(const TessPageIterator *h, TessPageIteratorLevel level,
                                       int *left, int *top, int *right, int *bottom) {
    return assay_tesseract_available() ? api.page_box(h, level, left, top, right, bottom) : 0;
}
void assay_TessDeleteText(const char *text) { if (assay_tesseract_available()) api.delete_text(text); }
BOOL assay_TessBaseAPIDetectOrientationScript(TessBaseAPI *h, int *degrees, float *degrees_confidence,
                                              const char **script, float *script_confidence) {
    return assay_tesseract_available() ? api.detect_script(h, degrees, degrees_confidence, script, script_confidence) : 0;
}

void assay_release_free_memory(void) { malloc_trim(0); }
