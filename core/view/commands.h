/*
 * commands.h -- subcommands for exploring annotation files.
 * Each takes the arguments after its own name (argv[0] is the subcommand)
 * and returns the process exit status: 0 ok, 1 some file failed, 2 usage.
 */
#ifndef ANN_VIEW_COMMANDS_H
#define ANN_VIEW_COMMANDS_H

int ann_cmd_view(int argc, char **argv);  /* annotate view FILE.ann.json... */
int ann_cmd_stats(int argc, char **argv); /* annotate stats FILE.ann.json... */

#endif
