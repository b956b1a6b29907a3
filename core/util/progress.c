/* progress.c -- see progress.h. */
#include "util/progress.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

enum { FIRST_DRAW_MS = 500, REDRAW_MS = 100 };

struct ann_progress {
    FILE *out;
    int active; /* enabled and a terminal */
    int drawn;  /* something is on the line */
    size_t files, files_done;
    uint64_t bytes, bytes_done;
    double start, last_draw;
    pthread_mutex_t lock;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int width_of(FILE *out)
{
    struct winsize ws;
    if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

ann_progress *ann_progress_new(FILE *out, size_t files, uint64_t bytes, int enabled)
{
    ann_progress *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    if (pthread_mutex_init(&p->lock, NULL) != 0) {
        free(p);
        return NULL;
    }
    p->out = out;
    p->active = enabled && out && isatty(fileno(out));
    p->files = files;
    p->bytes = bytes;
    p->start = now();
    return p;
}

static void put_duration(char *buf, size_t len, double s)
{
    long t = (long)(s + 0.5);
    if (t >= 3600)
        snprintf(buf, len, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(buf, len, "%ld:%02ld", t / 60, t % 60);
}

void ann_progress_format(char *buf, size_t len, int width, size_t files_done, size_t files,
                         uint64_t bytes_done, uint64_t bytes, double elapsed)
{
    char tail[96], eta[32] = "?";
    double rate = elapsed > 0 ? (double)bytes_done / elapsed : 0;
    /* Bytes tell the time left better than files, which differ in size. */
    if (rate > 0 && bytes >= bytes_done)
        put_duration(eta, sizeof eta, (double)(bytes - bytes_done) / rate);
    snprintf(tail, sizeof tail, " %zu/%zu files  %.1f MB/s  ETA %s", files_done, files, rate / 1e6,
             eta);
    int bar = width - 1 - (int)strlen(tail) - 2; /* leave the last column free */
    if (bar > 40)
        bar = 40;
    if (bar < 5 || len < (size_t)bar + 3) {
        snprintf(buf, len, "%s", tail + 1);
        return;
    }
    double frac = bytes   ? (double)bytes_done / (double)bytes
                  : files ? (double)files_done / (double)files
                          : 1;
    if (frac > 1)
        frac = 1;
    int full = (int)(frac * bar + 0.5);
    size_t k = 0;
    buf[k++] = '[';
    for (int i = 0; i < bar; i++)
        buf[k++] = i < full ? '#' : '.';
    buf[k++] = ']';
    snprintf(buf + k, len - k, "%s", tail);
}

void ann_progress_add(ann_progress *p, uint64_t bytes)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->files_done++;
    p->bytes_done += bytes;
    if (p->active) {
        double t = now();
        if (t - p->start >= FIRST_DRAW_MS / 1000.0 && t - p->last_draw >= REDRAW_MS / 1000.0) {
            char line[512];
            ann_progress_format(line, sizeof line, width_of(p->out), p->files_done, p->files,
                                p->bytes_done, p->bytes, t - p->start);
            fprintf(p->out, "\r%s\033[K", line);
            fflush(p->out);
            p->drawn = 1;
            p->last_draw = t;
        }
    }
    pthread_mutex_unlock(&p->lock);
}

void ann_progress_finish(ann_progress *p)
{
    if (!p)
        return;
    if (p->drawn) {
        fputs("\r\033[K", p->out);
        fflush(p->out);
    }
    pthread_mutex_destroy(&p->lock);
    free(p);
}
