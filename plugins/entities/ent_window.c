/* ent_window.c -- see ent_window.h. */
#include "ent_window.h"

size_t ent_window_end(const ann_token_v2 *tok, size_t n, size_t b, size_t max)
{
    if (n - b <= max)
        return n;
    size_t limit = b + max, half = b + max / 2;
    for (size_t i = limit; i > half; i--)
        if (tok[i].paragraph != tok[i - 1].paragraph)
            return i;
    for (size_t i = limit; i > half; i--)
        if (tok[i].sentence != tok[i - 1].sentence)
            return i;
    return limit;
}
