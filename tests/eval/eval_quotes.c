/*
 * eval_quotes.c -- scores the quotes plugin on PolNeAR-style JSON Lines.
 *
 *     eval_quotes [-v] [-n] FILE.jsonl
 *     eval_quotes [-n] -t FILE.txt   (prints the spans of one plain text file)
 *
 * Each line holds "text" and "spans" (QUOTE spans with byte offsets including
 * the marks, "kind" direct or partial, "speaker" when the annotated source
 * looks like a name).  The entities plugin (its model from the source tree)
 * and then the quotes plugin run through the mock host; with -n the entities
 * layer is left empty, so speakers come from the plugin's own name fallback.
 * Printed:
 *   - detection P/R/F1, exact extent and overlapping, for direct quotations
 *     (predicted kind=direct against gold kind=direct) and for all emitted
 *     quotations against all gold ones;
 *   - speaker accuracy over the gold quotations whose source is a name,
 *     comparing surnames (last word of the name, before any comma or
 *     bracket), both over the quotations detected with the exact extent and
 *     over all of them.
 * With -v the misses and false alarms are listed for development.
 *
 * Reads the development data only; nothing from it is kept.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mock_host.h"

const ann_plugin *ann_plugin_quotes(void);
const ann_plugin *ann_plugin_entities(void);

/* The entities plugin, or NULL with -n.  Borrowed by the runs below. */
static mock_plugin *ents_plugin;

/* Runs entities (when enabled) and quotes over d. */
static int run_both(mock_doc *d, mock_plugin *quotes)
{
    if (ents_plugin && mock_doc_run(d, ents_plugin) != ANN_OK)
        return ANN_ERROR;
    return mock_doc_run(d, quotes);
}

typedef struct prf {
    size_t tp_p, n_p; /* predictions matched / predictions */
    size_t tp_g, n_g; /* gold matched / gold */
} prf;

static void prf_print(const char *name, const prf *s)
{
    double p = s->n_p ? (double)s->tp_p / (double)s->n_p : 0.0;
    double r = s->n_g ? (double)s->tp_g / (double)s->n_g : 0.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    printf("%-28s P %.3f  R %.3f  F1 %.3f   (pred %zu, gold %zu)\n", name, p, r, f, s->n_p, s->n_g);
}

/* Surname of a name as written: the part before the first comma (or " of ",
 * " who ", " at "), without
 * bracketed material and suffixes (Jr., II), last word, without a possessive,
 * lower-cased into out. */
static void surname(const char *s, size_t len, char *out, size_t cap)
{
    char buf[512];
    size_t n = 0;
    int paren = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof buf; i++) {
        char c = s[i];
        if (c == ',')
            break;
        /* Sen. Brian Schatz of Hawaii; Al From who ... */
        if (c == ' ' && (strncmp(s + i, " of ", 4) == 0 || strncmp(s + i, " who ", 5) == 0 ||
                         strncmp(s + i, " at ", 4) == 0))
            break;
        if (c == '(') {
            paren++;
            continue;
        }
        if (c == ')') {
            if (paren)
                paren--;
            continue;
        }
        if (paren)
            continue;
        if ((unsigned char)c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            buf[n++] = ' '; /* a no-break space separates words too */
            i++;
            continue;
        }
        buf[n++] = c;
    }
    buf[n] = '\0';
    /* words */
    char *words[64];
    size_t nw = 0;
    for (char *tok = strtok(buf, " \t\n"); tok && nw < 64; tok = strtok(NULL, " \t\n"))
        words[nw++] = tok;
    while (nw > 1 && (strcmp(words[nw - 1], "Jr.") == 0 || strcmp(words[nw - 1], "Sr.") == 0 ||
                      strcmp(words[nw - 1], "II") == 0 || strcmp(words[nw - 1], "III") == 0 ||
                      strcmp(words[nw - 1], "Jr") == 0))
        nw--;
    out[0] = '\0';
    if (nw == 0)
        return;
    const char *w = words[nw - 1];
    size_t wl = strlen(w);
    if (wl >= 2 && w[wl - 2] == '\'' && w[wl - 1] == 's')
        wl -= 2;
    else if (wl >= 4 && memcmp(w + wl - 4, "\xE2\x80\x99s", 4) == 0)
        wl -= 4;
    while (wl > 0 && strchr(".:;\"'", w[wl - 1]))
        wl--;
    size_t k = 0;
    for (size_t i = 0; i < wl && k + 1 < cap; i++)
        out[k++] = (char)tolower((unsigned char)w[i]);
    out[k] = '\0';
}

/* Prints the QUOTE spans of one text file, for development. */
static int show_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 2;
    }
    size_t cap = 1 << 20, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, 2 * cap + 1);
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return 1;
    buf[n] = '\0';
    mock_plugin *plug = mock_plugin_open(ann_plugin_quotes(), NULL, NULL);
    mock_doc *md = plug ? mock_doc_new_len(buf, n) : NULL;
    if (!md || run_both(md, plug) != ANN_OK) {
        fprintf(stderr, "eval_quotes: %s\n", mock_last_error());
        free(buf);
        return 1;
    }
    size_t np;
    const ann_span *sp = mock_doc_spans(md, "quotes", &np);
    for (size_t i = 0; i < np; i++) {
        const char *spk = mock_span_attr(&sp[i], "speaker"), *cue = mock_span_attr(&sp[i], "cue");
        printf("%u-%u %s speaker=%s cue=%s [%.*s]\n", sp[i].start, sp[i].end, mock_span_attr(&sp[i], "kind"),
               spk ? spk : "-", cue ? cue : "-", (int)(sp[i].end - sp[i].start), buf + sp[i].start);
    }
    mock_doc_free(md);
    mock_plugin_close(plug);
    free(buf);
    return 0;
}

/* Whether the gold source's surname word (as surname() finds it) starts
 * with a capital and the source is no possessive phrase: "Sen. Claire
 * McCaskill" yes, "the Vermont senator" or "Obama's former strategist" no. */
static int gold_surname_is_proper(const char *s, size_t len)
{
    char sur[128];
    surname(s, len, sur, sizeof sur);
    if (!sur[0])
        return 0;
    /* find the surname in the original to see its case */
    for (size_t i = 0; i + strlen(sur) <= len; i++) {
        size_t k = 0;
        while (sur[k] && tolower((unsigned char)s[i + k]) == sur[k])
            k++;
        if (!sur[k] && (i == 0 || s[i - 1] == ' ')) {
            if (!(s[i] >= 'A' && s[i] <= 'Z') && (unsigned char)s[i] < 0x80)
                continue;
            return strstr(s, "'s ") == NULL && strstr(s, "\xE2\x80\x99s ") == NULL;
        }
    }
    return 0;
}

static int overlaps(uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2)
{
    return a1 < b2 && a2 < b1;
}

int main(int argc, char **argv)
{
    int verbose = 0, use_ents = 1;
    const char *path = NULL, *text_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "-vv") == 0)
            verbose = 2;
        else if (strcmp(argv[i], "-n") == 0)
            use_ents = 0;
        else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            text_path = argv[++i];
        else
            path = argv[i];
    }
    if (use_ents) {
        ents_plugin = mock_plugin_open(ann_plugin_entities(), NULL, QT_ENTITIES_DIR);
        if (!ents_plugin) {
            fprintf(stderr, "eval_quotes: entities plugin unavailable (%s); going on without it\n",
                    mock_last_error());
            use_ents = 0;
        }
    }
    if (text_path) {
        int rc = show_text(text_path);
        if (ents_plugin)
            mock_plugin_close(ents_plugin);
        return rc;
    }
    if (!path) {
        fprintf(stderr, "usage: eval_quotes [-v] [-n] FILE.jsonl | -t FILE.txt\n");
        return 2;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 2;
    }
    mock_plugin *plug = mock_plugin_open(ann_plugin_quotes(), NULL, NULL);
    if (!plug) {
        fprintf(stderr, "eval_quotes: open failed: %s\n", mock_last_error());
        fclose(f);
        return 1;
    }
    prf dex = {0}, dov = {0}, aex = {0}, aov = {0};
    size_t spk_gold = 0, spk_found = 0, spk_ok = 0, spk_none = 0, dspk_found = 0, dspk_ok = 0;
    size_t pspk_found = 0, pspk_ok = 0; /* gold surname capitalised: a proper name */
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    size_t ndocs = 0;
    while ((got = getline(&line, &cap, f)) > 0) {
        json_error_t jerr;
        json_t *doc = json_loadb(line, (size_t)got, 0, &jerr);
        if (!doc)
            continue;
        json_t *jt = json_object_get(doc, "text");
        json_t *js = json_object_get(doc, "spans");
        if (!json_is_string(jt) || !json_is_array(js)) {
            json_decref(doc);
            continue;
        }
        const char *text = json_string_value(jt);
        size_t len = json_string_length(jt);
        mock_doc *md = mock_doc_new_len(text, len);
        if (!md || run_both(md, plug) != ANN_OK) {
            fprintf(stderr, "eval_quotes: run failed: %s\n", mock_last_error());
            if (md)
                mock_doc_free(md);
            json_decref(doc);
            continue;
        }
        ndocs++;
        size_t np;
        const ann_span *pred = mock_doc_spans(md, "quotes", &np);
        size_t ng = json_array_size(js);
        /* predictions */
        for (size_t i = 0; i < np; i++) {
            const char *kind = mock_span_attr(&pred[i], "kind");
            int direct = kind && strcmp(kind, "direct") == 0;
            int ex = 0, ov = 0, exd = 0, ovd = 0;
            for (size_t j = 0; j < ng; j++) {
                json_t *g = json_array_get(js, j);
                uint32_t gs = (uint32_t)json_integer_value(json_object_get(g, "start"));
                uint32_t ge = (uint32_t)json_integer_value(json_object_get(g, "end"));
                const char *gk = json_string_value(json_object_get(g, "kind"));
                int gd = gk && strcmp(gk, "direct") == 0;
                if (gs == pred[i].start && ge == pred[i].end) {
                    ex = 1;
                    exd |= gd;
                }
                if (overlaps(gs, ge, pred[i].start, pred[i].end)) {
                    ov = 1;
                    ovd |= gd;
                }
            }
            aex.n_p++;
            aov.n_p++;
            aex.tp_p += (size_t)ex;
            aov.tp_p += (size_t)ov;
            if (direct) {
                dex.n_p++;
                dov.n_p++;
                dex.tp_p += (size_t)exd;
                dov.tp_p += (size_t)ovd;
            }
            if (verbose && (!ex || (direct && !exd)))
                printf("FP %s [%.*s]\n", kind ? kind : "?", (int)(pred[i].end - pred[i].start),
                       text + pred[i].start);
            if (verbose > 1 && direct)
                printf("PD %s %s cue=%s\n", exd ? "ok" : "wrong", mock_span_attr(&pred[i], "speaker") ? "spk" : "nospk",
                       mock_span_attr(&pred[i], "cue") ? "yes" : "no");
        }
        /* gold */
        for (size_t j = 0; j < ng; j++) {
            json_t *g = json_array_get(js, j);
            uint32_t gs = (uint32_t)json_integer_value(json_object_get(g, "start"));
            uint32_t ge = (uint32_t)json_integer_value(json_object_get(g, "end"));
            const char *gk = json_string_value(json_object_get(g, "kind"));
            int gd = gk && strcmp(gk, "direct") == 0;
            const ann_span *exact = NULL;
            int ov = 0, exd = 0, ovd = 0;
            for (size_t i = 0; i < np; i++) {
                const char *kind = mock_span_attr(&pred[i], "kind");
                int direct = kind && strcmp(kind, "direct") == 0;
                if (gs == pred[i].start && ge == pred[i].end) {
                    exact = &pred[i];
                    exd |= direct;
                }
                if (overlaps(gs, ge, pred[i].start, pred[i].end)) {
                    ov = 1;
                    ovd |= direct;
                }
            }
            aex.n_g++;
            aov.n_g++;
            aex.tp_g += exact != NULL;
            aov.tp_g += (size_t)ov;
            if (gd) {
                dex.n_g++;
                dov.n_g++;
                dex.tp_g += (size_t)exd;
                dov.tp_g += (size_t)ovd;
            }
            if (verbose && (!exact || (gd && !exd)))
                printf("FN %s [%.*s]%s\n", gk ? gk : "?", (int)(ge - gs), text + gs,
                       exact ? " (found with another kind)" : "");
            json_t *jsp = json_object_get(g, "speaker");
            if (!json_is_string(jsp))
                continue;
            spk_gold++;
            if (!exact)
                continue;
            spk_found++;
            dspk_found += (size_t)gd;
            const char *ps = mock_span_attr(exact, "speaker");
            char gsur[128], psur[128];
            surname(json_string_value(jsp), json_string_length(jsp), gsur, sizeof gsur);
            int proper = gold_surname_is_proper(json_string_value(jsp), json_string_length(jsp));
            pspk_found += (size_t)proper;
            if (!ps) {
                spk_none++;
                if (verbose)
                    printf("SPK%s none, gold %s [%.60s]\n", gd ? "D" : "P", json_string_value(jsp), text + gs);
                continue;
            }
            surname(ps, strlen(ps), psur, sizeof psur);
            if (strcmp(gsur, psur) == 0 && gsur[0]) {
                spk_ok++;
                pspk_ok += (size_t)proper;
                dspk_ok += (size_t)gd;
            }
            else if (verbose)
                printf("SPK%s %s, gold %s [%.60s]\n", gd ? "D" : "P", ps, json_string_value(jsp), text + gs);
        }
        mock_doc_free(md);
        json_decref(doc);
    }
    free(line);
    fclose(f);
    mock_plugin_close(plug);
    if (ents_plugin)
        mock_plugin_close(ents_plugin);
    printf("documents: %zu (%s), entities layer: %s\n", ndocs, path, use_ents ? "entities plugin" : "none (-n)");
    prf_print("direct, exact", &dex);
    prf_print("direct, overlapping", &dov);
    prf_print("all, exact", &aex);
    prf_print("all, overlapping", &aov);
    printf("speaker accuracy (surname): %.3f over %zu detected named-source quotes "
           "(%zu without speaker); %.3f over all %zu\n",
           spk_found ? (double)spk_ok / (double)spk_found : 0.0, spk_found, spk_none,
           spk_gold ? (double)spk_ok / (double)spk_gold : 0.0, spk_gold);
    printf("speaker accuracy where the gold surname is a proper name (not 'the Vermont senator'): "
           "%.3f over %zu detected\n",
           pspk_found ? (double)pspk_ok / (double)pspk_found : 0.0, pspk_found);
    printf("speaker accuracy on gold direct quotations: %.3f over %zu detected\n",
           dspk_found ? (double)dspk_ok / (double)dspk_found : 0.0, dspk_found);
    return 0;
}
