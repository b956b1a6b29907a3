/*
 * jsonl_in.c -- lines of standard input into records (see jsonl_in.h).
 */
#include "read/jsonl_in.h"

#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/reader.h"
#include "util/ymd.h"

/* Bytes asked of read() at a time, and the smallest buffer. */
#define JSONL_CHUNK 65536

void ann_jsonl_in_init(ann_jsonl_in *in, int fd, size_t max_line)
{
    memset(in, 0, sizeof *in);
    in->fd = fd;
    in->max_line = max_line ? max_line : 1;
}

void ann_jsonl_in_free(ann_jsonl_in *in)
{
    free(in->buf);
    memset(in, 0, sizeof *in);
}

void ann_record_free(ann_record *rec)
{
    free(rec->id_json);
    free(rec->name);
    free(rec->text);
    free(rec->error);
    memset(rec, 0, sizeof *rec);
}

/* Moves the unread bytes to the front of the buffer. */
static void compact(ann_jsonl_in *in)
{
    if (in->start == 0)
        return;
    memmove(in->buf, in->buf + in->start, in->end - in->start);
    in->end -= in->start;
    in->start = 0;
}

/* After one long line the buffer would stay large for the rest of the
 * stream: give the memory back once it is mostly empty. */
static void shrink(ann_jsonl_in *in)
{
    size_t used = in->end - in->start;
    if (in->cap <= 16 * JSONL_CHUNK || used > in->cap / 8)
        return;
    compact(in);
    size_t cap = used * 2 > JSONL_CHUNK ? used * 2 : JSONL_CHUNK;
    char *b = realloc(in->buf, cap);
    if (b) {
        in->buf = b;
        in->cap = cap;
    }
}

/* Reads more bytes after the buffered ones.  Returns the number read, 0 at
 * the end of the input, -1 on an error (errno set). */
static ssize_t fill(ann_jsonl_in *in)
{
    compact(in);
    if (in->end == in->cap) {
        /* Room for one line over the limit plus a chunk: a longer line is
         * detected and skipped before the buffer grows further. */
        size_t most = in->max_line + JSONL_CHUNK + 1;
        size_t cap = in->cap ? in->cap * 2 : JSONL_CHUNK;
        if (cap > most || cap < in->cap)
            cap = most;
        if (cap <= in->end) {
            errno = ENOMEM;
            return -1;
        }
        char *b = realloc(in->buf, cap);
        if (!b) {
            errno = ENOMEM;
            return -1;
        }
        in->buf = b;
        in->cap = cap;
    }
    for (;;) {
        ssize_t n = read(in->fd, in->buf + in->end, in->cap - in->end);
        if (n < 0 && errno == EINTR)
            continue;
        if (n > 0)
            in->end += (size_t)n;
        if (n == 0)
            in->eof = 1;
        return n;
    }
}

/* An error record with a printf-formatted reason.  Returns 0, or -1 when
 * memory ran out. */
static int set_error(ann_record *rec, const char *fmt, ...) ANN_PRINTF(2, 3);
static int set_error(ann_record *rec, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    free(rec->error);
    rec->error = strdup(msg);
    return rec->error ? 0 : -1;
}

/* Skips the rest of a line over the limit; the line's start is already
 * dropped.  Returns 0, or -1 when reading failed. */
static int skip_line(ann_jsonl_in *in)
{
    for (;;) {
        char *nl = memchr(in->buf + in->start, '\n', in->end - in->start);
        if (nl) {
            in->start = (size_t)(nl - in->buf) + 1;
            return 0;
        }
        in->start = in->end = 0;
        if (in->eof)
            return 0;
        if (fill(in) < 0)
            return -1;
    }
}

static int only_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static int parse_format(const json_t *v, int *format)
{
    static const struct {
        const char *name;
        int format;
    } names[] = {
        {"txt", ANN_FORMAT_TEXT},     {"text", ANN_FORMAT_TEXT}, {"md", ANN_FORMAT_MARKDOWN},
        {"markdown", ANN_FORMAT_MARKDOWN}, {"html", ANN_FORMAT_HTML}, {"htm", ANN_FORMAT_HTML},
    };
    if (!v || json_is_null(v)) {
        *format = ANN_FORMAT_TEXT;
        return 0;
    }
    const char *s = json_string_value(v);
    for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *format = names[i].format;
            return 0;
        }
    return -1;
}

/* The fields of a parsed object.  Returns 0 or -1 (out of memory). */
static int read_object(json_t *root, ann_record *rec)
{
    json_t *id = json_object_get(root, "id");
    if (id) {
        rec->id_json = json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!rec->id_json)
            return -1;
        if (json_is_string(id))
            rec->name = strdup(json_string_value(id));
        else if (json_is_number(id))
            rec->name = strdup(rec->id_json);
    }
    json_t *text = json_object_get(root, "text");
    json_t *rd = json_object_get(root, "reference_date");
    if (!json_is_string(text))
        return set_error(rec, "no \"text\" string");
    if (parse_format(json_object_get(root, "format"), &rec->format) != 0)
        return set_error(rec, "\"format\" must be \"txt\", \"md\" or \"html\"");
    if (rd && !json_is_null(rd)) {
        if (!ann_ymd_valid(json_string_value(rd)))
            return set_error(rec, "\"reference_date\" must be a real date written YYYY-MM-DD");
        memcpy(rec->reference_date, json_string_value(rd), sizeof rec->reference_date);
    }
    rec->size = json_string_length(text);
    rec->text = malloc(rec->size + 1);
    if (!rec->text)
        return -1;
    memcpy(rec->text, json_string_value(text), rec->size);
    rec->text[rec->size] = '\0';
    return 0;
}

int ann_record_parse(const char *line, size_t len, size_t line_no, ann_record *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->line = line_no;
    rec->format = ANN_FORMAT_TEXT;
    int rc = 0;
    json_t *root = NULL;
    if (only_space(line, len)) {
        rc = set_error(rec, "a blank line: expected a JSON object");
    } else {
        json_error_t je;
        root = json_loadb(line, len, 0, &je);
        if (!root)
            rc = set_error(rec, "not JSON: %s (column %d)", je.text, je.column);
        else if (!json_is_object(root))
            rc = set_error(rec, "not a JSON object");
        else
            rc = read_object(root, rec);
    }
    json_decref(root);
    if (rc == 0 && !rec->id_json && !(rec->id_json = strdup("null")))
        rc = -1;
    if (rc == 0 && !rec->name && !(rec->name = strdup("-")))
        rc = -1;
    if (rc == 0 && rec->error) {
        free(rec->text);
        rec->text = NULL;
        rec->size = 0;
    }
    if (rc != 0) {
        ann_record_free(rec);
        errno = ENOMEM;
    }
    return rc;
}

int ann_jsonl_next(ann_jsonl_in *in, ann_record *rec)
{
    memset(rec, 0, sizeof *rec);
    for (;;) {
        size_t avail = in->end - in->start;
        char *line = in->buf + in->start;
        char *nl = avail ? memchr(line, '\n', avail) : NULL;
        size_t len = nl ? (size_t)(nl - line) : avail;
        if (len > in->max_line) {
            size_t no = ++in->line_no;
            in->start = in->end; /* the part read so far is dropped */
            if (nl)
                in->start = (size_t)(nl - in->buf) + 1;
            else if (skip_line(in) != 0)
                return -1;
            memset(rec, 0, sizeof *rec);
            rec->line = no;
            if (set_error(rec, "line longer than %zu bytes (twice --max-doc-size, plus 1 MiB)",
                          in->max_line) != 0 ||
                !(rec->id_json = strdup("null")) || !(rec->name = strdup("-"))) {
                ann_record_free(rec);
                errno = ENOMEM;
                return -1;
            }
            return 1;
        }
        if (nl || (in->eof && avail > 0)) {
            in->start += len + (nl != NULL);
            size_t use = len;
            if (use > 0 && line[use - 1] == '\r')
                use--;
            int rc = ann_record_parse(line, use, ++in->line_no, rec);
            shrink(in);
            return rc == 0 ? 1 : -1;
        }
        if (in->eof)
            return 0;
        if (fill(in) < 0)
            return -1;
    }
}

int ann_jsonl_ready(const ann_jsonl_in *in, int wait_ms)
{
    size_t avail = in->end - in->start;
    if (in->eof || avail > in->max_line || (avail && memchr(in->buf + in->start, '\n', avail)))
        return 1;
    struct pollfd p = {in->fd, POLLIN, 0};
    int n;
    while ((n = poll(&p, 1, wait_ms)) < 0 && errno == EINTR)
        ;
    return n > 0;
}
