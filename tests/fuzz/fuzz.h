/*
 * fuzz.h -- the one entry point every fuzz target defines, as libFuzzer
 * expects it.  The same target links either with libFuzzer
 * (./configure --enable-fuzzing, `make fuzz`) or with replay.c, which feeds
 * it the committed seeds and every crash ever found (`make check`), so a
 * fixed crash stays a regression test in every build.
 */
#ifndef ANN_TESTS_FUZZ_H
#define ANN_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
