/*
 * test_sink.h -- the sink of the test drivers: writes each file into a
 * folder (the real sink belongs to the run loop).
 */
#ifndef ANN_TESTS_VIEW_TEST_SINK_H
#define ANN_TESTS_VIEW_TEST_SINK_H

#include "write/writer.h"

struct ann_sink {
    const char *dir; /* borrowed */
    char base[256];  /* document base name without extension */
};

/* Points sink at dir (borrowed) for the document at doc_path. */
void test_sink_init(ann_sink *sink, const char *dir, const char *doc_path);

#endif
