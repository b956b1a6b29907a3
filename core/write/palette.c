/* palette.c -- see palette.h. */
#include "write/palette.h"

#include <string.h>

typedef struct named_colour {
    const char *label;
    ann_colour colour;
} named_colour;

static const named_colour known[] = {
    {"PER", {"#ffd6d6", "#b71c1c", 224}},      {"ORG", {"#d6e4ff", "#1a46a8", 153}},
    {"LOC", {"#d4f5d4", "#1b5e20", 157}},      {"MISC", {"#f0dcff", "#6a1b9a", 183}},
    {"CARDINAL", {"#fff2c2", "#795400", 229}}, {"ORDINAL", {"#ffe6c7", "#8f4a00", 223}},
    {"PERCENT", {"#e6f7c2", "#4a6300", 193}},  {"MONEY", {"#c9f2e6", "#00695c", 158}},
    {"QUANTITY", {"#f5e1c8", "#6d4519", 180}}, {"DATE", {"#cdeffd", "#01579b", 117}},
    {"TIME", {"#d9f0ff", "#0d47a1", 159}},     {"DURATION", {"#e0e6ff", "#283593", 189}},
    {"SET", {"#ecdff5", "#4a148c", 225}},      {"QUOTE", {"#f1f1f1", "#424242", 255}},
    {"EMAIL", {"#ffe0f0", "#ad1457", 218}},    {"URL", {"#fde7da", "#a3300b", 216}},
};

static const ann_colour spare[] = {
    {"#e8f5e9", "#2e7d32", 194}, {"#fff3e0", "#a84300", 230}, {"#e3f2fd", "#1565c0", 195},
    {"#fce4ec", "#ad1457", 225}, {"#f3e5f5", "#6a1b9a", 189}, {"#e0f2f1", "#00695c", 158},
    {"#fffde7", "#6b5d00", 230}, {"#efebe9", "#4e342e", 224},
};

const ann_colour *ann_palette_colour(const char *label)
{
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(known[i].label, label) == 0)
            return &known[i].colour;
    unsigned h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)label; *p; p++)
        h = (h ^ *p) * 16777619u;
    return &spare[h % (sizeof spare / sizeof spare[0])];
}
