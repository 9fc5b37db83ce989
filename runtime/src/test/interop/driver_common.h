/*
 * driver_common - what mwdriver and purpledriver share: the command line,
 * the EVENT/PASS/FAIL output contract and the global timeout.
 *
 * Both drivers promise the Java tests the same thing (see README.md):
 * EVENT lines on stdout, then exactly one verdict line which is the last
 * line, exit 0 on PASS and 1 on FAIL, and a verdict even when the
 * timeout expires or the main loop is stuck.  Keeping that in one place
 * keeps the two programs from drifting apart.  Everything that knows
 * about libmeanwhile or libpurple stays in the driver itself.
 */

#ifndef DRIVER_COMMON_H
#define DRIVER_COMMON_H

#include <signal.h>

#include <glib.h>

/* Command line options (set by driver_init, read-only afterwards). */
struct driver_options {
  const char *host;
  int port;
  int timeout;                 /* seconds, for the whole run */
  gboolean debug;
};
extern struct driver_options opt;

/* Set once the verdict is printed; nothing may be written after it.
   Read-only outside driver_common.c. */
extern volatile sig_atomic_t finished;

/* What the run is waiting for (set with expect), or NULL.
   Read-only outside driver_common.c. */
extern char *waiting_for;

/* One "EVENT <who> <what>" line on stdout; nothing after the verdict. */
void event(const char *who, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Print the verdict ("PASS <scenario>" or "FAIL <scenario>: <reason>")
   and stop the main loop.  Only the first call counts. */
void finish(gboolean pass, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Record what we wait for next, so that a timeout names it. */
void expect(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* GLogFunc: stderr only shows warnings unless --debug, and nothing at
   all after the verdict. */
void driver_log_handler(const gchar *domain, GLogLevelFlags level,
                        const gchar *message, gpointer data);

/* Line-buffer stdout, parse the options, then let SETUP take the
   scenario name and its arguments (it returns FALSE if it does not know
   them).  On a bad command line or scenario prints the usage (stderr)
   and a FAIL line, and returns FALSE: the driver then exits with 1.
   PROGRAM and SCENARIOS (one indented "name ARGS...\n" line each) make
   up the usage text. */
gboolean driver_init(int argc, char **argv, const char *program,
                     const char *scenarios,
                     gboolean (*setup)(const char *name, int argc,
                                       char **argv));

/* Ignore SIGPIPE, arm the SIGALRM backstop (timeout + 5 s) and create
   the main loop with the global timeout on it. */
void driver_start_timers(void);

/* Run the main loop until the verdict (returns at once if there is one). */
void driver_run(void);

/* Free what the common part holds; returns the process exit code. */
int driver_exit(void);

#endif
