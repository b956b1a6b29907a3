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
 *   - speaker accuracy, "over the quotes whose gold source is a name,
 *     matching on the surname" (issue 6), in two readings of "is a name":
 *       strict: every gold quotation whose data carries "speaker" (the data
 *               README: "set only when it looks like a name").  That flag
 *               is loose: it is also set for descriptions ("the Vermont
 *               senator", "Obama's former campaign strategist", "a Times
 *               article") and groups ("Protesters"), whose "surname" (the
 *               head noun) no name can match, so they count as errors here;
 *       name:   only those whose source is a name by gold_is_name() below
 *               (a capitalised head, no description, no coordination).
 *     Each reading is given over the gold quotations detected with the
 *     exact extent (attribution alone), and over all of them (a missed
 *     quotation counts as an error).  The "surname" is surname() below: the
 *     last word of the name before any comma, bracket, " of ", " who " or
 *     " at ", without Jr./II and a possessive; when the source opens with a
 *     description and gives the name after a comma ("her senior policy
 *     adviser, Jake Sullivan,"), the name's (name_part(); the first version
 *     took "adviser" there, scoring the right person as an error, and
 *     counted such a source as no name).  For an organisation or
 *     place the same rule gives its head word ("The New York Post" -> post,
 *     which "the Post" also matches; "Reuters"; "South Korea" -> korea): the
 *     word a second mention keeps, as a surname is for a person;
 *   - the strict reading again over gold direct quotations only.
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

/* Whether the space at s[i] ends the head of a source phrase: before " of ",
 * " who " or " at " ("Mr. Morgan of the Sierra Club", "Al From who ...");
 * with `wide` also before " from ", " for ", " in ", " with ", " on " ("a
 * letter from the American Legion", "a woman in Worcester").  After a
 * title alone, " of " is part of it ("Secretary of State John Kerry", but
 * "Heiserman of the CORE Teachers"): title says the head so far is a
 * single title word.  The surname for
 * matching uses the narrow cut, so that names of organisations with a
 * preposition keep their person ("The Council on American-Islamic
 * Relations National Executive Director Nihad Awad" -> awad); deciding
 * whether the source is a name (gold_is_name) uses the wide one. */
static int head_cut(const char *s, size_t i, int title, int wide)
{
    static const char *const cuts[] = {" of ", " who ",  " at ", " from ", " for ",
                                       " in ", " with ", " on ", NULL};
    for (size_t k = 0; cuts[k] && (wide || k < 3); k++)
        if (strncmp(s + i, cuts[k], strlen(cuts[k])) == 0)
            return !(k == 0 && title);
    return 0;
}

/* Whether s[0, i) is one title word that takes " of " (Secretary of State,
 * Director of National Intelligence). */
static int title_word(const char *s, size_t i)
{
    static const char *const titles[] = {"secretary", "minister",     "director",   "president",
                                         "chairman",  "chairwoman",   "governor",   "mayor",
                                         "head",      "chief",        "leader",     "speaker",
                                         "member",    "commissioner", "ambassador", NULL};
    if (memchr(s, ' ', i) != NULL)
        return 0;
    for (size_t k = 0; titles[k]; k++) {
        size_t tl = strlen(titles[k]), j = 0;
        if (tl != i)
            continue;
        while (j < tl && tolower((unsigned char)s[j]) == titles[k][j])
            j++;
        if (j == tl)
            return 1;
    }
    return 0;
}

/* The name in a gold source whose head is a description and whose name
 * follows in apposition: "her senior policy adviser, Jake Sullivan,",
 * "Clinton's campaign chairman, John Podesta".  The surname rule below
 * takes the part before the first comma, written for "Murphy, the head of
 * Right to Rise USA," (name first); applied to a description first it
 * gives "adviser", so that the right person scored as an error (a bug of
 * the first version of this evaluation).  When the part before the first
 * comma ends in a lower-case word and the next comma segment is a name
 * (every word capitalised, so no "and"), that segment is
 * the source's name: *off and the returned length locate it.  Otherwise
 * the whole source (*off = 0). */
static size_t name_part(const char *s, size_t len, size_t *off)
{
    *off = 0;
    const char *c1 = memchr(s, ',', len);
    if (!c1 || c1 == s)
        return len;
    size_t h = (size_t)(c1 - s), w = h;
    while (w > 0 && s[w - 1] != ' ')
        w--;
    if (!(s[w] >= 'a' && s[w] <= 'z'))
        return len; /* the head ends in a name: Murphy, the head of ... */
    size_t a = h + 1;
    while (a < len && s[a] == ' ')
        a++;
    const char *c2 = memchr(s + a, ',', len - a);
    size_t b = c2 ? (size_t)(c2 - s) : len;
    while (b > a && s[b - 1] == ' ')
        b--;
    size_t words = 0;
    for (size_t i = a; i < b; i++) {
        if (i == a || s[i - 1] == ' ') {
            if (!(s[i] >= 'A' && s[i] <= 'Z'))
                return len;
            words++;
        }
    }
    if (words < 1)
        return len;
    *off = a;
    return b - a;
}

/* Surname of a name as written: the part before the first comma (or
 * head_cut()), without
 * bracketed material and suffixes (Jr., II), last word, without a possessive,
 * lower-cased into out. */
static void surname(const char *s, size_t len, char *out, size_t cap)
{
    size_t off;
    len = name_part(s, len, &off);
    s += off;
    char buf[512];
    size_t n = 0;
    int paren = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof buf; i++) {
        char c = s[i];
        if (c == ',')
            break;
        /* Sen. Brian Schatz of Hawaii; Al From who ...; but "Secretary of
         * State John Kerry": " of " after a single word is part of a title */
        if (c == ' ' && head_cut(s, i, title_word(buf, n), 0))
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
        printf("%u-%u %s speaker=%s cue=%s [%.*s]\n", sp[i].start, sp[i].end,
               mock_span_attr(&sp[i], "kind"), spk ? spk : "-", cue ? cue : "-",
               (int)(sp[i].end - sp[i].start), buf + sp[i].start);
    }
    mock_doc_free(md);
    mock_plugin_close(plug);
    free(buf);
    return 0;
}

/* The head segment of a gold source: the text before the first comma,
 * bracket or head_cut() ("Sen. Brian Schatz of Hawaii" -> "Sen. Brian
 * Schatz").  Returns its length. */
static size_t head_len(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ',' || s[i] == '(')
            return i;
        if (s[i] == ' ' && head_cut(s, i, title_word(s, i), 1))
            return i;
    }
    return len;
}

/* Whether the capitalised word w (length wl) occurs in text mid-sentence:
 * after a lower-case letter, a digit or a comma and one space.  A word that
 * is capitalised only where sentences start (Police, Demonstrators) is a
 * common noun. */
static int capital_mid_sentence(const char *text, size_t tlen, const char *w, size_t wl)
{
    for (size_t i = 2; i + wl <= tlen; i++) {
        if (text[i - 1] != ' ' || memcmp(text + i, w, wl) != 0)
            continue;
        if (i + wl < tlen &&
            (isalnum((unsigned char)text[i + wl]) || (unsigned char)text[i + wl] >= 0x80) &&
            !(text[i + wl] == '\'' || (unsigned char)text[i + wl] == 0xE2))
            continue;
        unsigned char c = (unsigned char)text[i - 2];
        if (islower(c) || isdigit(c) || c == ',')
            return 1;
    }
    return 0;
}

/* Whether the gold source is a name (the "name" reading of the metric):
 *   - its head (head_len, wide cut) is no coordination ("Trump and Ryan":
 *     two names, not a name) and its last word is capitalised ("a letter
 *     from the American Legion", "a woman in Worcester" are descriptions);
 *   - its surname() word is capitalised in the source ("the Vermont
 *     senator", "Obama's former campaign strategist" are descriptions;
 *     "Clinton's campaign manager Robby Mook" is a name);
 *   - when that word opens the source, it also occurs capitalised
 *     mid-sentence somewhere in the document (not "Police", "Protesters",
 *     capitalised only by their position). */
static int gold_is_name(const char *s, size_t len, const char *text, size_t tlen)
{
    size_t off;
    len = name_part(s, len, &off); /* (a description, then the name) */
    s += off;
    char sur[128];
    surname(s, len, sur, sizeof sur);
    if (!sur[0])
        return 0;
    /* the wide head (head_len): a coordination names two sources; its last
     * word must be capitalised ("a letter from the American Legion", "a
     * woman in Worcester" are descriptions) */
    size_t hl = head_len(s, len);
    char head[512];
    if (hl >= sizeof head)
        hl = sizeof head - 1;
    memcpy(head, s, hl);
    head[hl] = '\0';
    if (strstr(head, " and ") || strstr(head, " & "))
        return 0;
    size_t e = hl;
    while (e > 0 && head[e - 1] == ' ')
        e--;
    size_t w = e;
    while (w > 0 && head[w - 1] != ' ')
        w--;
    if (w == e || ((unsigned char)head[w] < 0x80 && !(head[w] >= 'A' && head[w] <= 'Z')))
        return 0;
    /* the surname word itself, in the source as written */
    size_t sl = strlen(sur);
    for (size_t i = len; i-- > 0;) { /* its last occurrence */
        if (i + sl > len || (i > 0 && s[i - 1] != ' ' && s[i - 1] != '.' && s[i - 1] != '-'))
            continue;
        size_t k = 0;
        while (k < sl && tolower((unsigned char)s[i + k]) == sur[k])
            k++;
        if (k < sl)
            continue;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !(c >= 'A' && c <= 'Z'))
            return 0;
        if (i == 0 && !capital_mid_sentence(text, tlen, s, sl))
            return 0;
        return 1;
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
    /* the same over the gold sources that are names (gold_is_name) */
    size_t nspk_gold = 0, nspk_found = 0, nspk_ok = 0, nspk_none = 0;
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
                printf("PD %s %s cue=%s\n", exd ? "ok" : "wrong",
                       mock_span_attr(&pred[i], "speaker") ? "spk" : "nospk",
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
            int name = gold_is_name(json_string_value(jsp), json_string_length(jsp), text, len);
            spk_gold++;
            nspk_gold += (size_t)name;
            if (!exact)
                continue;
            spk_found++;
            nspk_found += (size_t)name;
            dspk_found += (size_t)gd;
            const char *ps = mock_span_attr(exact, "speaker");
            char gsur[128], psur[128];
            surname(json_string_value(jsp), json_string_length(jsp), gsur, sizeof gsur);
            psur[0] = '\0';
            if (ps)
                surname(ps, strlen(ps), psur, sizeof psur);
            int ok = ps && gsur[0] && strcmp(gsur, psur) == 0;
            spk_none += ps == NULL;
            nspk_none += (size_t)(ps == NULL && name);
            spk_ok += (size_t)ok;
            nspk_ok += (size_t)(ok && name);
            dspk_ok += (size_t)(ok && gd);
            /* SPK + D(irect)/P(artial) + N(ame)/X(not a name) */
            if (verbose && !ok)
                printf("SPK%s%s %s, gold %s [%.60s] @%zu:%u\n", gd ? "D" : "P", name ? "N" : "X",
                       ps ? ps : "none", json_string_value(jsp), text + gs, ndocs - 1, gs);
        }
        mock_doc_free(md);
        json_decref(doc);
    }
    free(line);
    fclose(f);
    mock_plugin_close(plug);
    if (ents_plugin)
        mock_plugin_close(ents_plugin);
    printf("documents: %zu (%s), entities layer: %s\n", ndocs, path,
           use_ents ? "entities plugin" : "none (-n)");
    prf_print("direct, exact", &dex);
    prf_print("direct, overlapping", &dov);
    prf_print("all, exact", &aex);
    prf_print("all, overlapping", &aov);
    /* Strict reading: every gold quotation whose data has a "speaker"
     * (the data's own "looks like a name" flag), over those detected with
     * the exact extent, and over all of them (misses count as errors). */
    printf("speaker accuracy, strict (gold 'speaker' set): %.3f over %zu detected "
           "(%zu without speaker); %.3f over all %zu\n",
           spk_found ? (double)spk_ok / (double)spk_found : 0.0, spk_found, spk_none,
           spk_gold ? (double)spk_ok / (double)spk_gold : 0.0, spk_gold);
    /* Name reading: only the gold sources that are names (gold_is_name) */
    printf("speaker accuracy, name (gold source is a name): %.3f over %zu detected "
           "(%zu without speaker); %.3f over all %zu\n",
           nspk_found ? (double)nspk_ok / (double)nspk_found : 0.0, nspk_found, nspk_none,
           nspk_gold ? (double)nspk_ok / (double)nspk_gold : 0.0, nspk_gold);
    printf("speaker accuracy, strict, gold direct quotations: %.3f over %zu detected\n",
           dspk_found ? (double)dspk_ok / (double)dspk_found : 0.0, dspk_found);
    return 0;
}
