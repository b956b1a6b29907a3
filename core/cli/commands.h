/*
 * commands.h -- subcommands of the annotate program besides annotating.
 * Each takes the arguments after its own name (argv[0] is the subcommand)
 * and returns the process exit status: 0 ok, 1 something failed, 2 usage.
 */
#ifndef ANN_CLI_COMMANDS_H
#define ANN_CLI_COMMANDS_H

int ann_cmd_new_plugin(int argc, char **argv); /* core/cli/new_plugin.c */

#endif
