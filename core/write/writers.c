/* The writer registry: every output format -f accepts, in --help order. */
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "write/formats.h"
#include "write/writer.h"

static const ann_writer *const writer_table[] = {
    &ann_writer_json,   &ann_writer_jsonl, &ann_writer_brat, &ann_writer_conll,
    &ann_writer_timeml, &ann_writer_html,  &ann_writer_text,
};

#define N_WRITERS (sizeof writer_table / sizeof writer_table[0])

const ann_writer *ann_writer_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < N_WRITERS; i++)
        if (strcmp(writer_table[i]->name, name) == 0)
            return writer_table[i];
    return NULL;
}

/* writer.h asks for an array of writers ended by a NULL name.  C cannot build
 * that as a constant from objects defined in other files, so it is copied
 * together once; after that it is only read. */
static ann_writer writer_array[N_WRITERS + 1];
static pthread_once_t writer_array_once = PTHREAD_ONCE_INIT;

static void fill_writer_array(void)
{
    /* The last entry stays zeroed (static storage): the NULL name ends it. */
    for (size_t i = 0; i < N_WRITERS; i++)
        writer_array[i] = *writer_table[i];
}

const ann_writer *ann_writer_list(void)
{
    pthread_once(&writer_array_once, fill_writer_array);
    return writer_array;
}
