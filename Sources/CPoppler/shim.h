#ifndef ASSAY_CPOPPLER_SHIM_H
#define ASSAY_CPOPPLER_SHIM_H
#include <glib.h>
#include <glib-object.h>
#include <poppler.h>

/// Swallows poppler's and glib's log messages so that they never reach the terminal; the count is
/// read back so a document can report how many warnings its parser raised.
static unsigned int assay_poppler_log_count = 0;
static inline void assay_poppler_log_sink(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
    __atomic_fetch_add(&assay_poppler_log_count, 1, __ATOMIC_RELAXED);
}
static inline void assay_poppler_silence_logs(void) {
    g_log_set_default_handler(assay_poppler_log_sink, NULL);
    g_log_set_handler("Poppler", (GLogLevelFlags)(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION), assay_poppler_log_sink, NULL);
}
static inline unsigned int assay_poppler_log_messages(void) {
    return __atomic_load_n(&assay_poppler_log_count, __ATOMIC_RELAXED);
}
#endif
