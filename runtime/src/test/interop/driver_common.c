/*
 * driver_common - options, reporting and timeouts shared by the interop
 * test drivers (see driver_common.h).
 */

#define _GNU_SOURCE

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "driver_common.h"

struct driver_options opt = { "127.0.0.1", 1533, 20, FALSE };

volatile sig_atomic_t finished;
char *waiting_for;

static const char *scenario_name = "?";
static GMainLoop *main_loop;
static volatile sig_atomic_t exit_code = 1;
static char hard_timeout_line[256];   /* prebuilt for the SIGALRM handler */

/* One stdout line per event.  Suppressed after the verdict so that the
   verdict stays the last line even while the driver tears its sessions
   down (or libpurple shuts down). */
void event(const char *who, const char *fmt, ...) {
  va_list ap;

  if(finished) return;
  printf("EVENT %s ", who);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
}

/* Print the single verdict line and stop the main loop.  Only the first
   verdict counts: later failures are consequences of the first one. */
void finish(gboolean pass, const char *fmt, ...) {
  if(finished) return;

  if(pass) {
    printf("PASS %s\n", scenario_name);
  } else {
    va_list ap;
    char *reason;

    va_start(ap, fmt);
    reason = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_strdelimit(reason, "\r\n", ' ');   /* the verdict is one line */
    printf("FAIL %s: %s\n", scenario_name, reason);
    g_free(reason);
  }

  fflush(stdout);
  exit_code = pass ? 0 : 1;
  finished = 1;
  if(main_loop) g_main_loop_quit(main_loop);
}

/* Record what we are waiting for, so that a timeout says what was
   missing instead of just "timeout". */
void expect(const char *fmt, ...) {
  va_list ap;

  g_free(waiting_for);
  va_start(ap, fmt);
  waiting_for = g_strdup_vprintf(fmt, ap);
  va_end(ap);
}

static gboolean on_timeout(gpointer data) {
  (void) data;
  finish(FALSE, "timeout after %d s waiting for %s", opt.timeout,
         waiting_for ? waiting_for : "(nothing recorded)");
  return G_SOURCE_REMOVE;
}

/* Backstop for the case where the main loop itself is stuck (e.g. in a
   blocking write or library call): async-signal-safe, prints a prebuilt
   verdict. */
static void on_alarm(int sig) {
  ssize_t ignored;

  (void) sig;
  if(!finished) {
    ignored = write(STDOUT_FILENO, hard_timeout_line,
                    strlen(hard_timeout_line));
    (void) ignored;
    _exit(1);
  }
  _exit(exit_code);
}

/* The libraries log a lot (libmeanwhile through g_message, libpurple's
   debug log); keep stderr quiet unless --debug, but always show
   warnings (they often explain a failure).  Nothing goes to stderr
   after the verdict: callers may merge stderr into stdout and expect
   the verdict to be the last line. */
void driver_log_handler(const gchar *domain, GLogLevelFlags level,
                        const gchar *message, gpointer data) {
  (void) data;
  if(finished) return;
  if(opt.debug || (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL |
                            G_LOG_LEVEL_WARNING)))
    fprintf(stderr, "[%s] %s\n", domain ? domain : "", message);
}

/* Parse the options before the scenario name; returns the index of the
   scenario name in argv, or -1. */
static int parse_options(int argc, char **argv) {
  int i;

  for(i = 1; i < argc && g_str_has_prefix(argv[i], "--"); i++) {
    if(!strcmp(argv[i], "--debug")) {
      opt.debug = TRUE;
    } else if(i + 1 >= argc) {
      return -1;
    } else if(!strcmp(argv[i], "--host")) {
      opt.host = argv[++i];
    } else if(!strcmp(argv[i], "--port")) {
      opt.port = atoi(argv[++i]);
    } else if(!strcmp(argv[i], "--timeout")) {
      opt.timeout = atoi(argv[++i]);
    } else {
      return -1;
    }
  }
  if(i >= argc || opt.port <= 0 || opt.port > 65535 || opt.timeout <= 0)
    return -1;
  return i;
}

/* The options are the same for both drivers, so is their usage line;
   the continuation line is indented under the first option. */
static void usage(const char *program, const char *scenarios) {
  fprintf(stderr,
    "usage: %s --host HOST --port PORT [--timeout SECONDS] [--debug]\n"
    "%*sSCENARIO ARGS...\n"
    "scenarios:\n"
    "%s", program, (int) (strlen("usage: ") + strlen(program) + 1), "",
    scenarios);
}

gboolean driver_init(int argc, char **argv, const char *program,
                     const char *scenarios,
                     gboolean (*setup)(const char *name, int argc,
                                       char **argv)) {
  int first;

  setvbuf(stdout, NULL, _IOLBF, 0);   /* the Java test reads line by line */

  first = parse_options(argc, argv);
  if(first < 0) {
    usage(program, scenarios);
    /* the scenario name is unknown yet: the last argument stands in */
    printf("FAIL %s: bad command line\n", argc > 1 ? argv[argc - 1] : "?");
    return FALSE;
  }
  scenario_name = argv[first];
  snprintf(hard_timeout_line, sizeof hard_timeout_line,
           "FAIL %s: hard timeout (main loop blocked)\n", scenario_name);

  if(!setup(scenario_name, argc - first - 1, argv + first + 1)) {
    usage(program, scenarios);
    printf("FAIL %s: bad scenario or arguments\n", scenario_name);
    return FALSE;
  }
  return TRUE;
}

void driver_start_timers(void) {
  signal(SIGPIPE, SIG_IGN);   /* a server that hung up must not kill us */
  signal(SIGALRM, on_alarm);
  alarm((unsigned) opt.timeout + 5);

  main_loop = g_main_loop_new(NULL, FALSE);
  g_timeout_add((guint) opt.timeout * 1000, on_timeout, NULL);
}

void driver_run(void) {
  if(!finished) g_main_loop_run(main_loop);
}

int driver_exit(void) {
  if(main_loop) g_main_loop_unref(main_loop);
  main_loop = NULL;
  g_free(waiting_for);
  waiting_for = NULL;
  return exit_code;
}
