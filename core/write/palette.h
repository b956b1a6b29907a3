/*
 * palette.h -- one colour per label, shared by the HTML page and the
 * terminal view so a label looks the same everywhere.
 */
#ifndef ANN_WRITE_PALETTE_H
#define ANN_WRITE_PALETTE_H

typedef struct ann_colour {
    const char *bg;     /* light CSS background; black text on it has >= 7:1 contrast */
    const char *border; /* dark CSS colour for borders and tags; >= 4.5:1 on white */
    int ansi_bg;        /* xterm-256 background index, read with black text */
} ann_colour;

/* The colour of `label`: a fixed one for the labels the bundled plugins emit,
 * else one picked from a spare set by a hash of the name (stable across
 * runs).  Returns a pointer to a constant table entry. */
const ann_colour *ann_palette_colour(const char *label);

#endif
