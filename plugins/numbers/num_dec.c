/*
 * num_dec.c -- exact decimal arithmetic on digit strings (see num_dec.h).
 */
#include "num_dec.h"

#include <string.h>

/* Drops leading zeros of the digit string. */
static void dec_trim_lead(num_dec *v)
{
    uint8_t i = 0;
    while (i < v->nd && v->d[i] == '0')
        i++;
    if (i > 0) {
        memmove(v->d, v->d + i, (size_t)(v->nd - i));
        v->nd = (uint8_t)(v->nd - i);
    }
    if (v->nd == 0)
        v->exp = 0;
}

/* Moves trailing zeros into the exponent, so equal values look equal. */
static void dec_norm(num_dec *v)
{
    dec_trim_lead(v);
    while (v->nd > 0 && v->d[v->nd - 1] == '0') {
        v->nd--;
        v->exp++;
    }
    if (v->nd == 0)
        v->exp = 0;
}

void num_dec_from_u64(num_dec *v, uint64_t u)
{
    char tmp[24];
    int n = 0;
    memset(v, 0, sizeof *v);
    while (u > 0) {
        tmp[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    }
    for (int i = 0; i < n; i++)
        v->d[i] = tmp[n - 1 - i];
    v->nd = (uint8_t)n;
    dec_norm(v);
}

bool num_dec_push_digit(num_dec *v, int digit)
{
    if (v->nd == 0 && digit == 0)
        return true; /* leading zero */
    if (v->nd >= NUM_DEC_DIGITS)
        return false;
    v->d[v->nd++] = (char)('0' + digit);
    return true;
}

bool num_dec_shift(num_dec *v, int k)
{
    int e = v->exp + k;
    if (e > 1000 || e < -1000)
        return false;
    if (v->nd > 0)
        v->exp = (int16_t)e;
    return true;
}

bool num_dec_mul_u32(num_dec *v, uint32_t m)
{
    char out[NUM_DEC_DIGITS + 12];
    int n = 0;
    uint64_t carry = 0;
    if (m == 0 || v->nd == 0) {
        bool neg = v->neg;
        num_dec_from_u64(v, 0);
        v->neg = neg;
        return true;
    }
    /* Multiply from the least significant digit, writing the result backwards. */
    for (int i = v->nd - 1; i >= 0; i--) {
        uint64_t x = (uint64_t)(v->d[i] - '0') * m + carry;
        out[n++] = (char)('0' + (int)(x % 10));
        carry = x / 10;
    }
    while (carry > 0) {
        if (n >= (int)sizeof out)
            return false;
        out[n++] = (char)('0' + (int)(carry % 10));
        carry /= 10;
    }
    /* Trailing zeros of the product go into the exponent first. */
    int lo = 0;
    while (lo < n - 1 && out[lo] == '0')
        lo++;
    if (n - lo > NUM_DEC_DIGITS)
        return false;
    int16_t exp = (int16_t)(v->exp + lo);
    v->nd = (uint8_t)(n - lo);
    for (int i = 0; i < v->nd; i++)
        v->d[i] = out[n - 1 - i];
    v->exp = exp;
    dec_norm(v);
    return true;
}

bool num_dec_add(num_dec *v, const num_dec *w)
{
    if (w->nd == 0)
        return true;
    if (v->nd == 0) {
        *v = *w;
        return true;
    }
    /* Align both to the smaller exponent, then add digit strings. */
    int e = v->exp < w->exp ? v->exp : w->exp;
    int lv = v->nd + (v->exp - e), lw = w->nd + (w->exp - e);
    int len = (lv > lw ? lv : lw) + 1;
    if (len > NUM_DEC_DIGITS + 1)
        return false;
    char out[NUM_DEC_DIGITS + 2];
    int carry = 0;
    for (int i = 0; i < len; i++) { /* i = position from the right */
        int a = 0, b = 0;
        int iv = i - (v->exp - e), iw = i - (w->exp - e);
        if (iv >= 0 && iv < v->nd)
            a = v->d[v->nd - 1 - iv] - '0';
        if (iw >= 0 && iw < w->nd)
            b = w->d[w->nd - 1 - iw] - '0';
        int s = a + b + carry;
        out[len - 1 - i] = (char)('0' + s % 10);
        carry = s / 10;
    }
    int lead = 0;
    while (lead < len - 1 && out[lead] == '0')
        lead++;
    int n = len - lead;
    /* Trailing zeros may push the length over; move them into the exponent. */
    int tz = 0;
    while (tz < n - 1 && out[len - 1 - tz] == '0')
        tz++;
    if (n - tz > NUM_DEC_DIGITS)
        return false;
    memcpy(v->d, out + lead, (size_t)(n - tz));
    v->nd = (uint8_t)(n - tz);
    v->exp = (int16_t)(e + tz);
    dec_norm(v);
    return true;
}

bool num_dec_ratio(num_dec *v, uint64_t num, uint64_t den, bool *exact)
{
    uint64_t d = den;
    int twos = 0, fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        twos++;
    }
    while (d % 5 == 0) {
        d /= 5;
        fives++;
    }
    if (d == 1) {
        /* num/den = num * 2^(k-twos) * 5^(k-fives) / 10^k, exact. */
        int k = twos > fives ? twos : fives;
        num_dec_from_u64(v, num);
        for (int i = twos; i < k; i++)
            if (!num_dec_mul_u32(v, 2))
                return false;
        for (int i = fives; i < k; i++)
            if (!num_dec_mul_u32(v, 5))
                return false;
        if (exact)
            *exact = true;
        return num_dec_shift(v, -k);
    }
    if (exact)
        *exact = false;
    uint64_t scale = 1;
    for (int i = 0; i < NUM_FRAC_PLACES; i++)
        scale *= 10;
    if (num > UINT64_MAX / scale / 2)
        return false;
    uint64_t q = (num * scale * 2 / den + 1) / 2; /* rounded half up */
    num_dec_from_u64(v, q);
    return num_dec_shift(v, -NUM_FRAC_PLACES);
}

int num_dec_cmp(const num_dec *a, const num_dec *b)
{
    if (a->nd == 0 || b->nd == 0)
        return (a->nd > 0) - (b->nd > 0);
    /* Magnitude = position of the most significant digit. */
    int ma = a->nd + a->exp, mb = b->nd + b->exp;
    if (ma != mb)
        return ma < mb ? -1 : 1;
    int n = a->nd > b->nd ? a->nd : b->nd;
    for (int i = 0; i < n; i++) {
        char ca = i < a->nd ? a->d[i] : '0', cb = i < b->nd ? b->d[i] : '0';
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return 0;
}

bool num_dec_format(const num_dec *vin, char *buf)
{
    num_dec v = *vin;
    dec_norm(&v);
    size_t o = 0;
    if (v.nd == 0) {
        buf[0] = '0';
        buf[1] = '\0';
        return true;
    }
    /* Integer digits + zeros, or "0." + zeros + digits, always fits when
     * the magnitude stays within a few dozen places. */
    long need = (long)v.nd + (v.exp > 0 ? v.exp : -v.exp) + 4;
    if (need >= NUM_DEC_TEXT)
        return false;
    if (v.neg)
        buf[o++] = '-';
    if (v.exp >= 0) {
        memcpy(buf + o, v.d, v.nd);
        o += v.nd;
        for (int i = 0; i < v.exp; i++)
            buf[o++] = '0';
    } else {
        int frac = -v.exp;
        int ip = v.nd - frac; /* digits before the point */
        if (ip > 0) {
            memcpy(buf + o, v.d, (size_t)ip);
            o += (size_t)ip;
            buf[o++] = '.';
            memcpy(buf + o, v.d + ip, (size_t)frac);
            o += (size_t)frac;
        } else {
            buf[o++] = '0';
            buf[o++] = '.';
            for (int i = 0; i < -ip; i++)
                buf[o++] = '0';
            memcpy(buf + o, v.d, v.nd);
            o += v.nd;
        }
    }
    buf[o] = '\0';
    return true;
}
