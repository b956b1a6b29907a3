/*
 * front_matter.h -- the `date:` of a Markdown file's YAML front matter, the
 * date the document was written, so relative dates ("yesterday") in it are
 * resolved against it rather than against the day of the run.
 */
#ifndef ANN_READ_FRONT_MATTER_H
#define ANN_READ_FRONT_MATTER_H

#include <stddef.h>

/* When bytes[0..size) opens with a front matter block ("---" on the first
 * line, up to the next "---" or "..." line) holding a top-level `date:`
 * whose value starts with a real YYYY-MM-DD (quoted or not; a time may
 * follow), copies that date into out with its NUL and returns 1; else 0.
 * Only the first 64 KB are looked at. */
int ann_front_matter_date(const unsigned char *bytes, size_t size, char out[11]);

#endif
