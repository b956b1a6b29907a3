/*
 * jsonl_in.h -- the records of `annotate --stdin`: JSON Lines on a file
 * descriptor, one document a line,
 *
 *     {"id": ..., "text": "...", "format": "txt|md|html", "reference_date": "YYYY-MM-DD"}
 *
 * Only "text" is required.  "id" may be any JSON value and comes back as
 * it was written (compact) in the output record; "format" defaults to txt;
 * other keys are ignored, so an engine's records can carry more.
 *
 * Every line gives one record, so that output lines answer input lines one
 * for one (what Hadoop Streaming and Spark's pipe() expect).  A line that is
 * no valid record -- not JSON, no "text", a blank line, an unknown format,
 * longer than the reader's limit -- gives a record with `error` set; the
 * stream goes on after it.
 *
 * The reader holds at most one line (up to its limit) in memory, whatever
 * the length of the stream: a longer line is skipped, not stored.
 */
#ifndef ANN_READ_JSONL_IN_H
#define ANN_READ_JSONL_IN_H

#include <stddef.h>

typedef struct ann_jsonl_in {
    int fd;          /* borrowed: never closed here */
    size_t max_line; /* bytes; a longer line is an error record */
    char *buf;       /* owned: bytes read, [start, end) not yet used */
    size_t cap, start, end;
    size_t line_no; /* lines taken so far */
    int eof;        /* read() returned 0 */
} ann_jsonl_in;

typedef struct ann_record {
    size_t line;          /* 1-based line number in this process's input */
    char *id_json;        /* owned: the id as compact JSON, "null" when absent */
    char *name;           /* owned: the document's name in messages and in
                             "document.path": the id when it is a string,
                             its JSON when a number, else "-" */
    unsigned char *text;  /* owned; size bytes (NULL for an error record) */
    size_t size;
    int format;                /* an ann_format (read/reader.h) */
    char reference_date[11];   /* "" when the record gives none */
    char *error;               /* owned; non-NULL: the line is no record, why */
} ann_record;

/* Starts reading fd (borrowed until ann_jsonl_in_free()); lines longer
 * than max_line bytes are refused. */
void ann_jsonl_in_init(ann_jsonl_in *in, int fd, size_t max_line);
void ann_jsonl_in_free(ann_jsonl_in *in);

/* Reads the next line into *rec (caller frees with ann_record_free(), also
 * after an error record).  Returns 1 with a record (maybe an error one), 0
 * at the end of the input, -1 when reading failed (errno set) or memory ran
 * out (errno ENOMEM); *rec is zeroed then. */
int ann_jsonl_next(ann_jsonl_in *in, ann_record *rec);

/* True when ann_jsonl_next() would not wait: a whole line is buffered, or
 * the descriptor has data or its end, within wait_ms milliseconds (0: now).
 * A batch stops at the first line not yet there, so a writer that waits for
 * each answer is answered. */
int ann_jsonl_ready(const ann_jsonl_in *in, int wait_ms);

/* Parses one line (len bytes, no newline) into *rec, numbered line_no.
 * Returns 0, or -1 when memory ran out (*rec zeroed); a malformed line
 * gives 0 and an error record.  Caller frees with ann_record_free(). */
int ann_record_parse(const char *line, size_t len, size_t line_no, ann_record *rec);

void ann_record_free(ann_record *rec);

#endif
