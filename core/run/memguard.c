/*
 * memguard.c -- see memguard.h.
 */
#include "run/memguard.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A signal handler gets no context argument: what it needs is kept here,
 * set once per worker process before the handler is installed and only
 * read afterwards. */
static struct {
    size_t limit;
    atomic_int *near;
} guard;

size_t ann_memguard_mapped(void)
{
    /* open/read/close only: no stdio, no allocation, as in a handler. */
    int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buf[64];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    size_t pages = 0;
    for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
        pages = pages * 10 + (size_t)(buf[i] - '0');
    long page = sysconf(_SC_PAGESIZE);
    return page > 0 ? pages * (size_t)page : 0;
}

static void on_fatal(int sig)
{
    size_t used = ann_memguard_mapped();
    if (used && used + guard.limit / 8 >= guard.limit)
        atomic_store(guard.near, 1);
    /* SA_RESETHAND restored the default action and the signal is blocked
     * in here: it is delivered, and kills, on return. */
    raise(sig);
}

int ann_memguard_install(size_t limit, atomic_int *near)
{
    enum { ALT_STACK = 64 * 1024 };
    guard.limit = limit;
    guard.near = near;
    /* Never freed: the handler may run until the process ends. */
    stack_t ss = {.ss_sp = malloc(ALT_STACK), .ss_size = ALT_STACK, .ss_flags = 0};
    if (!ss.ss_sp || sigaltstack(&ss, NULL) != 0) {
        free(ss.ss_sp);
        return -1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (sigaction(sigs[i], &sa, NULL) != 0)
            return -1;
    return 0;
}
