/*
 * num_amount.c -- value updates of an amount shared by the scanner modules.
 */
#include "num_amount.h"

/* Sets a->v = whole + fn/fd and records the fraction. */
bool num_set_fraction(amt *a, uint64_t whole, uint64_t fn, uint64_t fd)
{
    if (fd == 0 || whole > UINT32_MAX)
        return false;
    uint64_t num = whole * fd + fn;
    bool neg = a->v.neg;
    if (!num_dec_ratio(&a->v, num, fd, NULL))
        return false;
    a->v.neg = neg;
    a->frac = true;
    a->fn = num;
    a->fd = fd;
    a->has_v = true;
    return true;
}

bool num_apply_scale(amt *a, int k)
{
    if (a->scale != 0 || !a->has_v)
        return false;
    if (!num_dec_shift(&a->v, k))
        return false;
    a->scale = k;
    a->plain = false;
    return true;
}
