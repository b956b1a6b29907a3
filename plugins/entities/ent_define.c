/* ent_define.c -- see ent_define.h. */
#include "ent_define.h"

#include <string.h>

#include "ent_decode.h"

/* Words that may follow the head noun of an appositive, opening a modifier
 * of it ("company founded by", "firm based in", "insurer that ..."); any
 * other lowercase word there is read as the verb of a clause ("the company
 * said"), and the rule holds back. */
static const char *const postmodifiers[] = {
    "that",    "which",  "whose",         "with",         "of",     "in",         "for",
    "from",    "at",     "founded",       "based",        "owned",  "controlled", "backed",
    "created", "formed", "headquartered", "listed",       "known",  "led",        "run",
    "set",     "spun",   "specialising",  "specializing", "making", "selling",
};

static int is_postmodifier(const ent_doc *doc, size_t i)
{
    for (size_t k = 0; k < sizeof postmodifiers / sizeof postmodifiers[0]; k++)
        if (ent_doc_is_text(doc, i, postmodifiers[k]))
            return 1;
    return 0;
}

static int is_possessive(const ent_doc *doc, size_t i)
{
    return ent_doc_is_text(doc, i, "'s") || ent_doc_is_text(doc, i, "\xe2\x80\x99s") ||
           ent_doc_is_text(doc, i, "'") || ent_doc_is_text(doc, i, "\xe2\x80\x99");
}

/* Whether tokens from c (a comma) to the sentence end e open an appositive
 * whose head, found as for the appositive feature, names a kind of
 * business. */
static int defines_business(const ent_prep *p, const ent_gaz *gaz, size_t c, size_t e)
{
    const ent_doc *doc = p->doc;
    size_t head = ent_appositive_head(p, c, e);
    if (!head)
        return 0;
    size_t next = head + 1;
    if (next < e && (p->tok[next].w.flags & ENT_TF_LETTER) &&
        (is_possessive(doc, next) || !(p->tok[next].w.flags & ENT_TF_LOWINIT) ||
         !is_postmodifier(doc, next)))
        return 0;
    uint32_t mask = ent_gaz_lookup(gaz, ent_gaz_step(ENT_GAZ_SEED, p->tok[head].w.lower));
    return (mask & (1u << ENT_GAZ_ORGNOUN)) != 0;
}

static void make_org(uint8_t *tags, size_t b, size_t e)
{
    for (size_t k = b; k < e; k++)
        tags[k] = (uint8_t)ent_tag(ENT_ORG, ent_tag_pos(tags[k]));
}

static uint64_t name_key(const ent_prep *p, size_t b, size_t e)
{
    uint64_t h = 0x646566696e6564ull;
    for (size_t k = b; k < e; k++)
        h = ent_hash_mix(h, p->tok[k].w.form);
    return h;
}

void ent_define(const ent_prep *p, const ent_gaz *gaz, uint8_t *tags)
{
    const ent_doc *doc = p->doc;
    uint64_t defined[ENT_DEFINE_MAX];
    size_t n_defined = 0;

    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        for (size_t i = b; i < e; i++) {
            if (!tags[i])
                continue;
            size_t end = ent_span_end(tags, i, e);
            if (defines_business(p, gaz, end, e)) {
                make_org(tags, i, end);
                if (n_defined < ENT_DEFINE_MAX)
                    defined[n_defined++] = name_key(p, i, end);
            }
            i = end - 1;
        }
    }
    if (!n_defined)
        return;
    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        for (size_t i = b; i < e; i++) {
            if (!tags[i])
                continue;
            size_t end = ent_span_end(tags, i, e);
            uint64_t key = name_key(p, i, end);
            for (size_t d = 0; d < n_defined; d++)
                if (defined[d] == key) {
                    make_org(tags, i, end);
                    break;
                }
            i = end - 1;
        }
    }
}
