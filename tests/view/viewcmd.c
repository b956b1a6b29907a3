/*
 * viewcmd.c -- test driver for `annotate view` and `annotate stats` without
 * the rest of the program: viewcmd view|stats ARGS...
 */
#include <stdio.h>
#include <string.h>

#include "view/commands.h"

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "view") == 0)
        return ann_cmd_view(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "stats") == 0)
        return ann_cmd_stats(argc - 1, argv + 1);
    fputs("usage: viewcmd view|stats ARGS...\n", stderr);
    return 2;
}
