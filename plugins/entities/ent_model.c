/* ent_model.c -- see ent_model.h. */
#include "ent_model.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ent_feat.h"
#include "ent_mem.h"

static const char magic[8] = {'A', 'N', 'N', 'E', 'N', 'T', 'M', 0};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LITTLE_ENDIAN_HOST 1
#else
#define LITTLE_ENDIAN_HOST 0
#endif

enum { HEADER = 64, TRANS_N = (ENT_N_TAGS + 1) * ENT_N_TAGS, GAZ_REC = 12 };

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static void wr32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void wr64(unsigned char *p, uint64_t v)
{
    wr32(p, (uint32_t)v);
    wr32(p + 4, (uint32_t)(v >> 32));
}

/* Checksum over the file: 8 bytes at a time, then the tail. */
static uint64_t checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 0x9ae16a3b2f90404full;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        h = (h ^ rd64(p + i)) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h ^ (h >> 32);
}

static size_t model_size(uint32_t bits, uint32_t n_gaz)
{
    return HEADER + TRANS_N * 4 + ((size_t)1 << bits) * ENT_ROW * 2 + (size_t)n_gaz * GAZ_REC + 8;
}

/* Weight of tag t (1..16) of bucket b relative to tag O (see ENT_ROW). */
static float rel_weight(const float *w, size_t b, int t)
{
    return w[b * ENT_N_TAGS + (size_t)t] - w[b * ENT_N_TAGS];
}

static float weight_scale(const float *w, size_t nb)
{
    float maxabs = 1e-9f;
    for (size_t b = 0; b < nb; b++)
        for (int t = 1; t < ENT_N_TAGS; t++)
            maxabs = fmaxf(maxabs, fabsf(rel_weight(w, b, t)));
    return 32000.0f / maxabs;
}

/* The rows are read at random, megabytes apart (ent_mem.h). */
static int16_t *alloc_rows(size_t nb)
{
    return ent_mem_table(nb * ENT_ROW * sizeof(int16_t));
}

static int16_t quant16(float v, float scale)
{
    long q = lrintf(v * scale);
    return (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
}

void ent_model_free(ent_model *m)
{
    free(m->w);
    ent_gaz_free(&m->gaz);
    memset(m, 0, sizeof *m);
}

/* Checks the image and copies it into m (data is borrowed for the call). */
static int load_image(ent_model *m, const void *data, size_t size, const char *name, char *err,
                      size_t errlen)
{
    const unsigned char *p = data;
    memset(m, 0, sizeof *m);
    if (size < HEADER + 8 || memcmp(p, magic, sizeof magic) != 0) {
        snprintf(err, errlen, "%s is not an entities model file (bad magic or too short)", name);
        return -1;
    }
    uint32_t version = rd32(p + 8), fset = rd32(p + 12), ntags = rd32(p + 16), bits = rd32(p + 20);
    uint32_t n_gaz = rd32(p + 60);
    if (version != ENT_MODEL_VERSION) {
        snprintf(err, errlen,
                 "%s has model format version %u, this plugin reads version %u: "
                 "retrain it with annotate-train-entities",
                 name, version, ENT_MODEL_VERSION);
        return -1;
    }
    if (fset != ENT_FEATURESET_ID) {
        snprintf(err, errlen,
                 "%s was trained with feature set %u, this plugin computes feature set %u: "
                 "retrain it with annotate-train-entities",
                 name, fset, ENT_FEATURESET_ID);
        return -1;
    }
    if (ntags != ENT_N_TAGS || bits < ENT_MODEL_MIN_BITS || bits > ENT_MODEL_MAX_BITS) {
        snprintf(err, errlen, "%s has an unsupported tag set (%u tags) or hash size (2^%u)", name,
                 ntags, bits);
        return -1;
    }
    for (int k = 0; k < ENT_N_TYPES; k++)
        if (strncmp((const char *)p + 24 + 8 * k, ent_type_names[k], 8) != 0) {
            snprintf(err, errlen, "%s has entity types other than PER ORG LOC MISC", name);
            return -1;
        }
    if (n_gaz > (1u << 26) || size != model_size(bits, n_gaz)) {
        snprintf(err, errlen,
                 "%s is truncated or damaged (%zu bytes, header says %zu): "
                 "reinstall or retrain it",
                 name, size, n_gaz > (1u << 26) ? 0 : model_size(bits, n_gaz));
        return -1;
    }
    if (checksum(p, size - 8) != rd64(p + size - 8)) {
        snprintf(err, errlen, "%s is damaged (checksum mismatch): reinstall or retrain it", name);
        return -1;
    }
    size_t nw = ((size_t)1 << bits) * ENT_ROW;
    m->bits = bits;
    m->w = alloc_rows((size_t)1 << bits);
    if (!m->w || ent_gaz_init(&m->gaz, n_gaz) < 0) {
        snprintf(err, errlen, "out of memory loading %s", name);
        ent_model_free(m);
        return -1;
    }
    const unsigned char *q = p + HEADER;
    for (size_t i = 0; i < TRANS_N; i++, q += 4)
        m->trans[i] = (float)(int32_t)rd32(q);
    /* The file's rows are the in-memory rows on a little-endian host. */
    if (LITTLE_ENDIAN_HOST)
        memcpy(m->w, q, nw * 2);
    else
        for (size_t i = 0; i < nw; i++)
            m->w[i] = (int16_t)(uint16_t)(q[2 * i] | q[2 * i + 1] << 8);
    q += nw * 2;
    for (uint32_t i = 0; i < n_gaz; i++, q += GAZ_REC)
        if (ent_gaz_add(&m->gaz, rd64(q), rd32(q + 8)) < 0) {
            snprintf(err, errlen, "%s has a damaged gazetteer", name);
            ent_model_free(m);
            return -1;
        }
    return 0;
}

int ent_model_load_mem(ent_model *m, const void *data, size_t size, const char *name, char *err,
                       size_t errlen)
{
    return load_image(m, data, size, name, err, errlen);
}

int ent_model_load(ent_model *m, const char *path, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open model %s: %s", path, strerror(errno));
        return -1;
    }
    /* A folder or a device has no size to map: say what is wrong. */
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "model %s is not a regular file", path);
        close(fd);
        return -1;
    }
    size_t size = (size_t)st.st_size;
    /* Mapped, not read, and the weights copied from the page cache into
     * memory of huge pages (ent_mem.h): read in place from the file's
     * small pages, tagging took a fifth longer. */
    void *map = size ? mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    int e = errno;
    close(fd);
    if (map == MAP_FAILED) {
        /* An empty file is a truncated model: the checks name it. */
        return size ? (snprintf(err, errlen, "cannot read model %s: %s", path, strerror(e)), -1)
                    : load_image(m, "", 0, path, err, errlen);
    }
    int rc = load_image(m, map, size, path, err, errlen);
    munmap(map, size);
    return rc;
}

int ent_model_quantize(ent_model *m, uint32_t bits, const float *w, const float *trans)
{
    size_t nb = (size_t)1 << bits;
    float scale = weight_scale(w, nb);
    memset(m, 0, sizeof *m);
    m->bits = bits;
    if (!(m->w = alloc_rows(nb)))
        return -1;
    for (size_t b = 0; b < nb; b++)
        for (int t = 1; t < ENT_N_TAGS; t++)
            m->w[b * ENT_ROW + (size_t)t - 1] = quant16(rel_weight(w, b, t), scale);
    for (size_t i = 0; i < TRANS_N; i++)
        m->trans[i] = (float)lrintf(trans[i] * scale);
    return 0;
}

int ent_model_save(const char *path, uint32_t bits, const float *w, const float *trans,
                   const ent_gaz *gaz, char *err, size_t errlen)
{
    size_t nb = (size_t)1 << bits;
    uint32_t n_gaz = gaz ? (uint32_t)gaz->count : 0;
    size_t size = model_size(bits, n_gaz);
    unsigned char *buf = calloc(1, size), *q;
    char tmp[4096];
    FILE *f = NULL;
    int rc = -1;

    if (bits < ENT_MODEL_MIN_BITS || bits > ENT_MODEL_MAX_BITS) {
        snprintf(err, errlen, "hash size 2^%u out of range", bits);
        free(buf);
        return -1;
    }
    if (!buf) {
        snprintf(err, errlen, "out of memory writing %s", path);
        return -1;
    }
    /* Transitions are stored as i32 and may exceed the emission range. */
    float scale = weight_scale(w, nb);

    memcpy(buf, magic, sizeof magic);
    wr32(buf + 8, ENT_MODEL_VERSION);
    wr32(buf + 12, ENT_FEATURESET_ID);
    wr32(buf + 16, ENT_N_TAGS);
    wr32(buf + 20, bits);
    for (int k = 0; k < ENT_N_TYPES; k++)
        memcpy(buf + 24 + 8 * k, ent_type_names[k], strlen(ent_type_names[k]));
    uint32_t sbits;
    memcpy(&sbits, &scale, 4);
    wr32(buf + 56, sbits);
    wr32(buf + 60, n_gaz);
    q = buf + HEADER;
    for (size_t i = 0; i < TRANS_N; i++, q += 4)
        wr32(q, (uint32_t)(int32_t)lrintf(trans[i] * scale));
    for (size_t b = 0; b < nb; b++)
        for (int t = 1; t < ENT_N_TAGS; t++, q += 2) {
            uint16_t u = (uint16_t)quant16(rel_weight(w, b, t), scale);
            q[0] = (unsigned char)u;
            q[1] = (unsigned char)(u >> 8);
        }
    for (size_t i = 0; gaz && i < gaz->cap; i++) {
        if (!gaz->fp[i])
            continue;
        wr64(q, gaz->key[i]);
        wr32(q + 8, gaz->mask[i]);
        q += GAZ_REC;
    }
    wr64(q, checksum(buf, size - 8));

    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    f = fopen(tmp, "wb");
    if (!f || fwrite(buf, 1, size, f) != size) {
        snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
        goto done;
    }
    if (fclose(f) != 0) {
        f = NULL;
        snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
        goto done;
    }
    f = NULL;
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
        goto done;
    }
    rc = 0;
done:
    if (f)
        fclose(f);
    if (rc)
        remove(tmp);
    free(buf);
    return rc;
}
