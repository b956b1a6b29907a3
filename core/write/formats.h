/*
 * formats.h -- the writers the registry (writers.c) knows, one per format.
 * Each lives in its own file of core/write/.
 */
#ifndef ANN_WRITE_FORMATS_H
#define ANN_WRITE_FORMATS_H

#include "write/writer.h"

extern const ann_writer ann_writer_json, ann_writer_jsonl;
extern const ann_writer ann_writer_brat, ann_writer_conll, ann_writer_timeml, ann_writer_html,
    ann_writer_text;

#endif
