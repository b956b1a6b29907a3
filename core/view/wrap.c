/* wrap.c -- word wrapping for the terminal view (see term.h). */
#include <string.h>

#include <utf8proc.h>

#include "view/term.h"

/* Length of the escape sequence at s[0] (CSI ... final byte), or 0. */
static size_t escape_len(const char *s, size_t len)
{
    if (len < 2 || s[0] != '\033' || s[1] != '[')
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7E)
            return i + 1;
    return len;
}

/* Length of the character at s[0] (1 for a byte that starts none) and, in
 *width, its display columns (0 for a combining mark or control). */
static size_t char_at(const char *s, size_t len, int *width)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    if (n <= 0) {
        n = 1;
        cp = 0xFFFD;
    }
    int cw = utf8proc_charwidth(cp);
    *width = cw > 0 ? cw : 0;
    return (size_t)n;
}

typedef struct wrapper {
    ann_buf *out;
    int width, col, spaces;
    ann_buf word; /* pending word, escapes included */
    int word_w;
    char sgr[64];     /* style in effect where the pending word starts */
    char sgr_now[64]; /* style in effect after the pending word */
} wrapper;

static void flush_word(wrapper *w)
{
    if (w->word.len == 0 && w->spaces == 0)
        return;
    if (w->width > 0 && w->col > 0 && w->col + w->spaces + w->word_w > w->width) {
        if (w->sgr[0])
            ann_buf_puts(w->out, "\033[0m");
        ann_buf_putc(w->out, '\n');
        ann_buf_puts(w->out, w->sgr);
        w->col = 0;
    } else {
        for (int i = 0; i < w->spaces; i++)
            ann_buf_putc(w->out, ' ');
        w->col += w->spaces;
    }
    ann_buf_append(w->out, w->word.data, w->word.len);
    w->col += w->word_w;
    w->spaces = 0;
    w->word_w = 0;
    ann_buf_reset(&w->word);
    memcpy(w->sgr, w->sgr_now, sizeof w->sgr);
}

int ann_term_wrap(const char *in, size_t len, int width, ann_buf *out)
{
    wrapper w = {out, width, 0, 0, ANN_BUF_INIT, 0, "", ""};
    size_t i = 0;
    while (i < len) {
        size_t e = escape_len(in + i, len - i);
        if (e) {
            ann_buf_append(&w.word, in + i, e);
            if (in[i + e - 1] == 'm') {
                /* A reset clears the style, "\033[0;..." replaces it, and
                 * anything else (bold) adds to it. */
                int reset = (e == 3) || (e == 4 && in[i + 2] == '0');
                int replace = e > 4 && in[i + 2] == '0' && in[i + 3] == ';';
                size_t have = reset || replace ? 0 : strlen(w.sgr_now);
                if (have + e < sizeof w.sgr_now) {
                    memcpy(w.sgr_now + have, in + i, reset ? 0 : e);
                    w.sgr_now[have + (reset ? 0 : e)] = '\0';
                }
            }
            i += e;
            continue;
        }
        char c = in[i];
        if (c == ' ' || c == '\t') {
            if (w.word.len)
                flush_word(&w);
            w.spaces++;
            i++;
            continue;
        }
        if (c == '\n') {
            if (w.word.len == 0)
                w.spaces = 0; /* trailing spaces are dropped */
            flush_word(&w);
            ann_buf_putc(out, '\n');
            w.col = 0;
            i++;
            continue;
        }
        int cw;
        size_t n = char_at(in + i, len - i, &cw);
        if (w.word.len == 0)
            memcpy(w.sgr, w.sgr_now, sizeof w.sgr);
        ann_buf_append(&w.word, in + i, n);
        w.word_w += cw;
        i += n;
    }
    if (w.word.len == 0)
        w.spaces = 0;
    flush_word(&w);
    ann_buf_free(&w.word);
    return out->failed ? ANN_ENOMEM : ANN_OK;
}

size_t ann_term_width(const char *s, size_t len)
{
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        size_t e = escape_len(s + i, len - i);
        if (e) {
            i += e;
            continue;
        }
        int cw;
        i += char_at(s + i, len - i, &cw);
        w += (size_t)cw;
    }
    return w;
}
