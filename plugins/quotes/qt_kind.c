/*
 * qt_kind.c -- direct, partial, title or scare.
 *
 * A direct quotation is a full utterance: it begins with a capital where a
 * sentence may begin (paragraph start, after . ? ! : ; or a dash, or right
 * after a cue clause "X said:" / "X said,"), and ends with its own
 * punctuation or at a comma or cue.  The lower-case part of a split
 * quotation ("...," he said, "and ...") is direct too.
 *
 * Anything else that has a cue or a speaker is a partial quotation, a
 * fragment inside the writer's own sentence: called the plan "a big deal".
 *
 * What is left is a title when all its longer words are capitalised (the
 * show "Face the Nation") and a scare quotation otherwise ("fact-checking"
 * website); those two are only emitted with -O quotes.all=1.
 */
#include "qt.h"

static int qt_is_quote_mark_cp(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
           cp == 0x2019 || cp == 0xAB || cp == 0xBB || cp == 0x201E;
}

/* First letter or digit of the inner text: uppercase or digit gives 1. */
static int qt_starts_upper(const qt_doc *d, const qt_quote *q)
{
    size_t cl;
    for (size_t i = q->inner_start; i < q->inner_end; i += cl) {
        uint32_t cp = qt_cp_at(&d->text, q->inner_end, i, &cl), cc = qt_class(&d->text, cp);
        if (cp == 0x2026 || (cp == '.' && i + 2 < q->inner_end && d->text.s[i + 1] == '.'))
            return 1; /* "… overall, I think": a cut utterance, presented whole */
        if (cc & QT_LETTER)
            return (cc & ANN_CHAR_UPPER) != 0;
        if (cc & ANN_CHAR_DIGIT)
            return 1;
    }
    return 0;
}

/* The inner text ends with its own punctuation (, . ? ! … dash ; :),
 * looking past spaces and nested closing marks. */
static int qt_ends_punct(const qt_doc *d, const qt_quote *q)
{
    size_t i = q->inner_end, cl;
    while (i > q->inner_start) {
        uint32_t cp = qt_cp_before(&d->text, q->inner_start, i, &cl);
        if ((qt_class(&d->text, cp) & ANN_CHAR_SPACE) || qt_is_quote_mark_cp(cp)) {
            i -= cl;
            continue;
        }
        return cp == ',' || cp == '.' || cp == '?' || cp == '!' || cp == ';' || cp == ':' ||
               cp == '-' || cp == 0x2026 || cp == 0x2014 || cp == 0x2013;
    }
    return 0;
}

/* The quotation stands where a sentence may begin. */
static int qt_sentence_initial(const qt_doc *d, const qt_quote *q)
{
    size_t lo = d->paras[q->para].start, i = q->start, cl;
    uint32_t cp = 0;
    int skipped_mark = 0;
    while (i > lo) {
        cp = qt_cp_before(&d->text, lo, i, &cl);
        if (cp == '\n')
            return 1; /* a quotation opening a line */
        if (qt_class(&d->text, cp) & ANN_CHAR_SPACE) {
            i -= cl;
            continue;
        }
        if (!skipped_mark && qt_is_quote_mark_cp(cp)) { /* ."  "... : look before the mark */
            skipped_mark = 1;
            i -= cl;
            continue;
        }
        break;
    }
    if (i <= lo)
        return 1;
    if (skipped_mark)
        return cp == '.' || cp == '?' || cp == '!';
    return cp == '.' || cp == '?' || cp == '!' || cp == ':' || cp == ';' || cp == 0x2014 ||
           cp == 0x2013 || cp == 0x2026 || cp == '-';
}

/* The character after the closing mark is , . ? ! or the paragraph ends. */
static int qt_followed_by_punct(const qt_doc *d, const qt_quote *q)
{
    size_t hi = d->paras[q->end_para].end;
    if (q->end >= hi)
        return 1;
    char c = d->text.s[q->end];
    return c == ',' || c == '.' || c == '?' || c == '!' || c == '\n';
}

static size_t qt_words(const qt_doc *d, const qt_quote *q, size_t *caps_ok)
{
    qt_tok toks[32];
    size_t n = qt_lex(&d->text, q->inner_start, q->inner_end, toks, 32), w = 0;
    *caps_ok = 1;
    for (size_t i = 0; i < n; i++) {
        if (toks[i].type != QT_TOK_WORD)
            continue;
        w++;
        if (toks[i].end - toks[i].start >= 4 && !(toks[i].flags & QT_TF_UPPER) &&
            !qt_is_ascii_digit(d->text.s[toks[i].start]))
            *caps_ok = 0;
    }
    return n == 32 ? 32 : w;
}

void qt_classify(qt_doc *d)
{
    int prev_direct = -1; /* last direct outermost quotation */
    for (size_t i = 0; i < d->n_quotes; i++) {
        qt_quote *q = &d->quotes[i];
        int up = qt_starts_upper(d, q);
        int cue_before = q->cue_end > 0 && !q->cue_after && q->cue_adjacent;
        int initial = qt_sentence_initial(d, q);
        int closes = qt_ends_punct(d, q) || qt_followed_by_punct(d, q) || q->cue_after;
        size_t caps_ok, words = qt_words(d, q, &caps_ok);
        int continued = q->depth == 0 && prev_direct >= 0 &&
                        d->quotes[prev_direct].end_para == q->para && cue_before;
        int attributed = q->cue_end > 0 || q->spk_end > 0;
        if (up && (initial || cue_before) && closes &&
            (attributed || (words >= 2 && !(caps_ok && words <= 8))))
            q->kind = QT_KIND_DIRECT;
        else if (continued && closes)
            q->kind = QT_KIND_DIRECT;
        else if (attributed)
            q->kind = QT_KIND_PARTIAL;
        else if (caps_ok && up && words <= 8)
            q->kind = QT_KIND_TITLE;
        else
            q->kind = QT_KIND_SCARE;
        if (q->depth == 0 && q->kind == QT_KIND_DIRECT)
            prev_direct = (int)i;
    }
}
