/*
 * sha256.h -- the document checksum written into every output file.
 */
#ifndef ANN_UTIL_SHA256_H
#define ANN_UTIL_SHA256_H

#include <stddef.h>

/* Writes the lowercase hex SHA-256 of data[0..len) and a NUL to out. */
void ann_sha256_hex(const void *data, size_t len, char out[65]);

#endif
