#ifndef ASSAY_CTESSERACT_SHIM_H
#define ASSAY_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
