/*
 * eval_pdnc.c -- scores the quotes plugin on novels (PDNC, issue 20).
 *
 *     eval_pdnc [-v | -a] [-c CACHE_DIR] NOVELS.jsonl CHARACTERS.jsonl
 *
 * -v lists the speaker errors of the tuning novels; -a lists every detected
 * quotation of the tuning novels, right ones too ("OK" instead of "SPK"),
 * to see what a rule changes.
 *
 * NOVELS.jsonl: one novel a line, "doc", "text" and "spans" (QUOTE spans with
 * byte offsets including the marks, "speaker" the character's name,
 * "quote_type" Explicit / Anaphoric / Implicit, "id" shared by the parts of a
 * quotation that a speech tag splits).  CHARACTERS.jsonl: per "doc" the
 * "characters" with "name" and "aliases".  The character lists are read here
 * for scoring only; the plugin sees nothing but the text.
 *
 * The entities plugin and then the quotes plugin run through the mock host.
 * Entities is slow on 10 MB of novels and its output does not depend on the
 * quotes plugin, so with -c its spans are cached per novel in CACHE_DIR
 * (NAME.ents, "start end label" lines; delete the folder after retraining
 * entities).
 *
 * Split (fixed before any tuning): the novels in the order of the file, which
 * is alphabetical; those at even positions (0, 2, ... : 10 novels) are the
 * TUNING part, those at odd positions (9 novels) the HELD-OUT part.  Rules
 * are chosen on the tuning part only; -v lists errors of tuning novels only.
 *
 * Scoring:
 *   - detection, per gold span (a part of a split quotation is a span of its
 *     own, as the plugin emits one span per part): P/R/F1 with the exact
 *     extent and overlapping.  Recall per quote type; a prediction counts
 *     toward the precision of a type when it overlaps a gold span of that
 *     type, and a prediction overlapping no gold span is a false alarm of the
 *     overall figure only (a false alarm has no type);
 *   - speaker accuracy, per gold quotation (per id, all its parts together):
 *     the predicted speaker is the "speaker" of the first predicted span, in
 *     the order of the parts, that overlaps a part and has one.  It is right
 *     when it equals the gold character's name or one of its aliases, after
 *     lower-casing ASCII and collapsing runs of white space (no other
 *     normalisation: "Fitzwilliam Darcy" is wrong unless the list has it).
 *     Given over all gold quotations (a missed quotation or one without a
 *     speaker is wrong) and over the detected ones (some part overlapped);
 *   - addressee precision: an emitted "addressee" on a span overlapping a
 *     gold span is right when it names one of that quotation's gold
 *     addressees, matched as speakers are.
 */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mock_host.h"

const ann_plugin *ann_plugin_quotes(void);
const ann_plugin *ann_plugin_entities(void);

enum { T_EXPLICIT, T_ANAPHORIC, T_IMPLICIT, T_ALL, N_TYPES };
static const char *const type_names[N_TYPES] = {"Explicit", "Anaphoric", "Implicit", "overall"};
enum { PART_TUNE, PART_HELD, N_PARTS };
static const char *const part_names[N_PARTS] = {"TUNING novels (rules chosen here)",
                                                "HELD-OUT novels (never tuned on)"};

typedef struct score {
    size_t n_p, tp_p_ex, tp_p_ov;     /* predictions (of this type) and matched */
    size_t n_g, tp_g_ex, tp_g_ov;     /* gold spans and matched */
    size_t q_gold, q_found, q_ok, q_none; /* quotations: all, detected, right, no speaker */
    size_t a_n, a_ok; /* emitted addressees on a gold quotation, and right ones */
} score;

static int type_of(const char *t)
{
    if (!t)
        return -1;
    if (strcmp(t, "Explicit") == 0)
        return T_EXPLICIT;
    if (strcmp(t, "Anaphoric") == 0)
        return T_ANAPHORIC;
    if (strcmp(t, "Implicit") == 0)
        return T_IMPLICIT;
    return -1;
}

/* Compares a and b ignoring ASCII case and treating any run of white space
 * as one space. */
static int name_eq(const char *a, const char *b)
{
    for (;;) {
        if (isspace((unsigned char)*a) && isspace((unsigned char)*b)) {
            while (isspace((unsigned char)*a))
                a++;
            while (isspace((unsigned char)*b))
                b++;
            continue;
        }
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
        if (!*a)
            return 1;
        a++;
        b++;
    }
}

/* The character of the novel whose name or an alias is gold; NULL if none. */
static json_t *find_character(json_t *chars, const char *gold)
{
    size_t i;
    json_t *c;
    json_array_foreach(chars, i, c) {
        const char *nm = json_string_value(json_object_get(c, "name"));
        if (nm && name_eq(nm, gold))
            return c;
    }
    json_array_foreach(chars, i, c) {
        size_t k;
        json_t *a;
        json_array_foreach(json_object_get(c, "aliases"), k, a) {
            if (json_is_string(a) && name_eq(json_string_value(a), gold))
                return c;
        }
    }
    return NULL;
}

/* Whether pred names the gold speaker: its character's name or an alias, or
 * the gold string itself when the list lacks the character. */
static int speaker_ok(json_t *chars, const char *gold, const char *pred)
{
    if (!pred)
        return 0;
    if (name_eq(pred, gold))
        return 1;
    json_t *c = find_character(chars, gold);
    if (!c)
        return 0;
    const char *nm = json_string_value(json_object_get(c, "name"));
    if (nm && name_eq(nm, pred))
        return 1;
    size_t k;
    json_t *a;
    json_array_foreach(json_object_get(c, "aliases"), k, a) {
        if (json_is_string(a) && name_eq(json_string_value(a), pred))
            return 1;
    }
    return 0;
}

/* Characters of every novel, by "doc".  Caller frees with json_decref. */
static json_t *load_characters(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return NULL;
    }
    json_t *all = json_object();
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) > 0) {
        json_t *o = json_loadb(line, (size_t)got, 0, NULL);
        const char *doc = o ? json_string_value(json_object_get(o, "doc")) : NULL;
        if (doc)
            json_object_set(all, doc, json_object_get(o, "characters"));
        json_decref(o);
    }
    free(line);
    fclose(f);
    return all;
}

/* Adds the entities spans of a novel to md: from the cache file when there
 * is one, else by running the entities plugin (and writing the cache). */
static int add_entities(mock_doc *md, mock_plugin *ents, const char *cache_dir, const char *name)
{
    char path[4096];
    FILE *f = NULL;
    if (cache_dir) {
        snprintf(path, sizeof path, "%s/%s.ents", cache_dir, name);
        f = fopen(path, "r");
    }
    if (f) {
        unsigned s, e;
        char label[64];
        while (fscanf(f, "%u %u %63s", &s, &e, label) == 3)
            mock_doc_add_span(md, "entities", s, e, label);
        fclose(f);
        return 0;
    }
    if (!ents)
        return 0;
    if (mock_doc_run(md, ents) != ANN_OK)
        return -1;
    if (!cache_dir)
        return 0;
    size_t n;
    const ann_span *sp = mock_doc_spans(md, "entities", &n);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *w = fopen(tmp, "w");
    if (!w)
        return 0;
    for (size_t i = 0; i < n; i++)
        fprintf(w, "%u %u %s\n", sp[i].start, sp[i].end, sp[i].label);
    if (fclose(w) == 0)
        rename(tmp, path);
    return 0;
}

static void prf_line(const char *what, size_t tp_p, size_t n_p, size_t tp_g, size_t n_g)
{
    double p = n_p ? (double)tp_p / (double)n_p : 0.0;
    double r = n_g ? (double)tp_g / (double)n_g : 0.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    printf("  %-10s %-11s P %.3f  R %.3f  F1 %.3f  (pred %zu, gold %zu)\n", "", what, p, r, f,
           n_p, n_g);
}

static void report(int part, const score *sc, size_t nnov)
{
    printf("\n== PDNC dev, %s: %zu novels ==\n", part_names[part], nnov);
    for (int t = 0; t < N_TYPES; t++) {
        const score *s = &sc[t];
        printf("  %s\n", type_names[t]);
        prf_line("exact", s->tp_p_ex, s->n_p, s->tp_g_ex, s->n_g);
        prf_line("overlapping", s->tp_p_ov, s->n_p, s->tp_g_ov, s->n_g);
        printf("  %-10s speaker    %.3f over all %zu quotations; %.3f over %zu detected "
               "(%zu of them without speaker)\n",
               "", s->q_gold ? (double)s->q_ok / (double)s->q_gold : 0.0, s->q_gold,
               s->q_found ? (double)s->q_ok / (double)s->q_found : 0.0, s->q_found, s->q_none);
        printf("  %-10s addressee  precision %.3f over %zu emitted\n", "",
               s->a_n ? (double)s->a_ok / (double)s->a_n : 0.0, s->a_n);
    }
}

static int overlaps(uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2)
{
    return a1 < b2 && a2 < b1;
}

/* Gold span j: its extent into *gs, *ge, the span into *g (when g is not
 * NULL); returns its T_* type, -1 for none. */
static int gold_at(json_t *spans, size_t j, json_t **g, uint32_t *gs, uint32_t *ge)
{
    json_t *o = json_array_get(spans, j);
    if (g)
        *g = o;
    *gs = (uint32_t)json_integer_value(json_object_get(o, "start"));
    *ge = (uint32_t)json_integer_value(json_object_get(o, "end"));
    return type_of(json_string_value(json_object_get(o, "quote_type")));
}

/* Scores one novel into sc[T_*]. */
static void score_novel(const char *text, json_t *spans, json_t *chars, const ann_span *pred,
                        size_t np, score *sc, int verbose, const char *name)
{
    size_t ng = json_array_size(spans);
    /* predictions */
    for (size_t i = 0; i < np; i++) {
        int t_ex = -1, t_ov = -1;
        for (size_t j = 0; j < ng; j++) {
            uint32_t gs, ge;
            int t = gold_at(spans, j, NULL, &gs, &ge);
            if (t < 0)
                continue;
            if (gs == pred[i].start && ge == pred[i].end)
                t_ex = t;
            if (t_ov < 0 && overlaps(gs, ge, pred[i].start, pred[i].end))
                t_ov = t;
        }
        sc[T_ALL].n_p++;
        sc[T_ALL].tp_p_ex += t_ex >= 0;
        sc[T_ALL].tp_p_ov += t_ov >= 0;
        int t = t_ex >= 0 ? t_ex : t_ov;
        if (t >= 0) {
            sc[t].n_p++;
            sc[t].tp_p_ex += t_ex >= 0;
            sc[t].tp_p_ov += 1;
        }
    }
    /* addressees: right when one of the gold quotation's addressees (by
     * the same matching as speakers) */
    for (size_t i = 0; i < np; i++) {
        const char *pa = mock_span_attr(&pred[i], "addressee");
        for (size_t j = 0; pa && j < ng; j++) {
            json_t *g;
            uint32_t gs, ge;
            int t = gold_at(spans, j, &g, &gs, &ge);
            if (t < 0 || !overlaps(gs, ge, pred[i].start, pred[i].end))
                continue;
            int ok = 0;
            size_t k;
            json_t *ga;
            json_array_foreach(json_object_get(g, "addressees"), k, ga) {
                ok |= json_is_string(ga) && speaker_ok(chars, json_string_value(ga), pa);
            }
            for (int a = 0; a < 2; a++) {
                sc[a ? T_ALL : t].a_n++;
                sc[a ? T_ALL : t].a_ok += (size_t)ok;
            }
            break;
        }
    }
    /* gold spans; quotations are runs of spans sharing "id" (the parts are
     * adjacent in the data; a quotation is scored at its first part) */
    for (size_t j = 0; j < ng; j++) {
        json_t *g;
        uint32_t gs, ge;
        int t = gold_at(spans, j, &g, &gs, &ge);
        if (t < 0)
            continue;
        int ex = 0, ov = 0;
        for (size_t i = 0; i < np && pred[i].start < ge; i++) {
            ex |= pred[i].start == gs && pred[i].end == ge;
            ov |= overlaps(gs, ge, pred[i].start, pred[i].end);
        }
        for (int k = 0; k < 2; k++) {
            score *s = &sc[k ? T_ALL : t];
            s->n_g++;
            s->tp_g_ex += (size_t)ex;
            s->tp_g_ov += (size_t)ov;
        }
        const char *id = json_string_value(json_object_get(g, "id"));
        if (j > 0 && id) {
            const char *pid = json_string_value(json_object_get(json_array_get(spans, j - 1), "id"));
            if (pid && strcmp(pid, id) == 0)
                continue; /* a later part: scored with the first */
        }
        int found = 0;
        const char *ps = NULL;
        for (size_t jj = j; jj < ng; jj++) {
            json_t *h = json_array_get(spans, jj);
            const char *hid = json_string_value(json_object_get(h, "id"));
            if (jj > j && (!id || !hid || strcmp(hid, id) != 0))
                break;
            uint32_t hs = (uint32_t)json_integer_value(json_object_get(h, "start"));
            uint32_t he = (uint32_t)json_integer_value(json_object_get(h, "end"));
            for (size_t i = 0; i < np && pred[i].start < he && !ps; i++) {
                if (!overlaps(hs, he, pred[i].start, pred[i].end))
                    continue;
                found = 1;
                ps = mock_span_attr(&pred[i], "speaker");
            }
            if (ps)
                break;
        }
        const char *gsp = json_string_value(json_object_get(g, "speaker"));
        int ok = gsp && speaker_ok(chars, gsp, ps);
        for (int k = 0; k < 2; k++) {
            score *s = &sc[k ? T_ALL : t];
            s->q_gold++;
            s->q_found += (size_t)found;
            s->q_ok += (size_t)ok;
            s->q_none += (size_t)(found && !ps);
        }
        if (verbose && (!ok || verbose > 1) && found) {
            char snip[72];
            size_t k = 0;
            for (; k + 1 < sizeof snip && gs + k < ge; k++)
                snip[k] = text[gs + k] == '\n' ? ' ' : text[gs + k];
            snip[k] = '\0';
            printf("%s %c %s, gold %s [%s] @%s:%u\n", ok ? "OK" : "SPK", type_names[t][0], ps ? ps : "none",
                   gsp ? gsp : "?", snip, name, gs);
        }
    }
}

int main(int argc, char **argv)
{
    int verbose = 0;
    const char *cache_dir = NULL, *novels = NULL, *charpath = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "-a") == 0)
            verbose = 2;
        else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            cache_dir = argv[++i];
        else if (!novels)
            novels = argv[i];
        else
            charpath = argv[i];
    }
    if (!novels || !charpath) {
        fprintf(stderr, "usage: eval_pdnc [-v | -a] [-c CACHE_DIR] NOVELS.jsonl CHARACTERS.jsonl\n");
        return 2;
    }
    if (cache_dir && mkdir(cache_dir, 0777) != 0 && errno != EEXIST)
        cache_dir = NULL;
    mock_plugin *ents = mock_plugin_open(ann_plugin_entities(), NULL, QT_ENTITIES_DIR);
    if (!ents)
        fprintf(stderr, "eval_pdnc: entities plugin unavailable (%s)\n", mock_last_error());
    mock_plugin *plug = mock_plugin_open(ann_plugin_quotes(), NULL, NULL);
    json_t *allchars = load_characters(charpath);
    FILE *f = fopen(novels, "r");
    if (!plug || !allchars || !f) {
        fprintf(stderr, "eval_pdnc: cannot start (%s)\n", plug ? novels : mock_last_error());
        return 1;
    }
    json_t *no_chars = json_array();
    score sc[N_PARTS][N_TYPES];
    memset(sc, 0, sizeof sc);
    size_t nnov[N_PARTS] = {0, 0}, pos = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) > 0) {
        json_t *doc = json_loadb(line, (size_t)got, 0, NULL);
        json_t *jt = json_object_get(doc, "text");
        const char *name = json_string_value(json_object_get(doc, "doc"));
        if (!json_is_string(jt) || !name) {
            json_decref(doc);
            continue;
        }
        int part = (pos++ % 2) ? PART_HELD : PART_TUNE;
        const char *text = json_string_value(jt);
        mock_doc *md = mock_doc_new_len(text, json_string_length(jt));
        if (!md || add_entities(md, ents, cache_dir, name) != 0 || mock_doc_run(md, plug) != ANN_OK) {
            fprintf(stderr, "eval_pdnc: %s: %s\n", name, mock_last_error());
            if (md)
                mock_doc_free(md);
            json_decref(doc);
            continue;
        }
        size_t np;
        const ann_span *pred = mock_doc_spans(md, "quotes", &np);
        json_t *chars = json_object_get(allchars, name);
        score one[N_TYPES];
        memset(one, 0, sizeof one);
        score_novel(text, json_object_get(doc, "spans"), chars ? chars : no_chars, pred, np,
                    one, part == PART_TUNE ? verbose : 0, name);
        for (int t = 0; t < N_TYPES; t++) {
            size_t *dst = (size_t *)&sc[part][t];
            const size_t *src = (const size_t *)&one[t];
            for (size_t k = 0; k < sizeof(score) / sizeof(size_t); k++)
                dst[k] += src[k];
        }
        nnov[part]++;
        printf("%-8s %-36s speaker %.3f over %zu quotations\n", part == PART_TUNE ? "tuning" : "held-out",
               name, one[T_ALL].q_gold ? (double)one[T_ALL].q_ok / (double)one[T_ALL].q_gold : 0.0,
               one[T_ALL].q_gold);
        mock_doc_free(md);
        json_decref(doc);
    }
    free(line);
    fclose(f);
    for (int p = 0; p < N_PARTS; p++)
        report(p, sc[p], nnov[p]);
    json_decref(allchars);
    json_decref(no_chars);
    mock_plugin_close(plug);
    if (ents)
        mock_plugin_close(ents);
    return 0;
}
