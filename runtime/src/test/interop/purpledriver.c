/*
 * purpledriver - interop test driver running the real libpurple Sametime
 * protocol plugin ("prpl-meanwhile", i.e. Pidgin's Sametime support)
 * headless, with a glib main loop.
 *
 *   purpledriver --host HOST --port PORT [--timeout SECONDS] [--debug]
 *                SCENARIO ARGS...
 *
 * Every notable event is printed to stdout as "EVENT <user> <what>";
 * the last line is exactly "PASS <scenario>" (exit 0) or
 * "FAIL <scenario>: <reason>" (exit 1).  See README.md for scenarios.
 *
 * libpurple keeps its configuration in a fresh temporary directory that
 * is removed on exit, so runs never see each other's accounts or prefs.
 */

#define _GNU_SOURCE

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <purple.h>

#include "driver_common.h"

#define UI_ID "openst-interop"
#define PRPL_ID "prpl-meanwhile"

/* account settings read by the Sametime plugin (sametime.c) */
#define MW_KEY_HOST "server"
#define MW_KEY_PORT "port"

/* ------------------------------------------------------------------ */
/* reporting                                                           */
/* ------------------------------------------------------------------ */

static char *user_dir;                /* libpurple's temporary home */

/* libpurple's debug output goes through g_print, i.e. stdout, which is
   reserved for EVENT lines and the verdict. */
static void print_to_stderr(const gchar *text) {
  if(!finished) fputs(text, stderr);
}

static const char *error_name(PurpleConnectionError reason) {
  switch(reason) {
  case PURPLE_CONNECTION_ERROR_NETWORK_ERROR:
    return "NETWORK_ERROR";
  case PURPLE_CONNECTION_ERROR_INVALID_USERNAME:
    return "INVALID_USERNAME";
  case PURPLE_CONNECTION_ERROR_AUTHENTICATION_FAILED:
    return "AUTHENTICATION_FAILED";
  case PURPLE_CONNECTION_ERROR_AUTHENTICATION_IMPOSSIBLE:
    return "AUTHENTICATION_IMPOSSIBLE";
  case PURPLE_CONNECTION_ERROR_ENCRYPTION_ERROR:
    return "ENCRYPTION_ERROR";
  case PURPLE_CONNECTION_ERROR_NAME_IN_USE:
    return "NAME_IN_USE";
  case PURPLE_CONNECTION_ERROR_INVALID_SETTINGS:
    return "INVALID_SETTINGS";
  case PURPLE_CONNECTION_ERROR_OTHER_ERROR:
    return "OTHER_ERROR";
  default:
    return "CERT_OR_OTHER";
  }
}

static const char *conn_state_name(PurpleConnectionState state) {
  switch(state) {
  case PURPLE_DISCONNECTED: return "DISCONNECTED";
  case PURPLE_CONNECTED:    return "CONNECTED";
  case PURPLE_CONNECTING:   return "CONNECTING";
  default:                  return "?";
  }
}

/* ------------------------------------------------------------------ */
/* libpurple event loop on glib                                        */
/* ------------------------------------------------------------------ */

struct input_watch {
  PurpleInputFunction fn;
  gpointer data;
};

static gboolean input_dispatch(GIOChannel *io, GIOCondition cond,
                               gpointer data) {
  struct input_watch *w = data;
  int cond_purple = 0;

  /* hang-ups and errors are reported as readable/writable so that the
     plugin's read/write fails and it notices the broken connection */
  if(cond & (G_IO_IN | G_IO_HUP | G_IO_ERR))
    cond_purple |= PURPLE_INPUT_READ;
  if(cond & (G_IO_OUT | G_IO_HUP | G_IO_ERR | G_IO_NVAL))
    cond_purple |= PURPLE_INPUT_WRITE;

  w->fn(w->data, g_io_channel_unix_get_fd(io),
        (PurpleInputCondition) cond_purple);
  return G_SOURCE_CONTINUE;
}

static guint ui_input_add(gint fd, PurpleInputCondition cond,
                          PurpleInputFunction fn, gpointer data) {
  struct input_watch *w = g_new0(struct input_watch, 1);
  GIOCondition watch_cond = 0;
  GIOChannel *io;
  guint id;

  w->fn = fn;
  w->data = data;
  if(cond & PURPLE_INPUT_READ)
    watch_cond |= G_IO_IN | G_IO_HUP | G_IO_ERR;
  if(cond & PURPLE_INPUT_WRITE)
    watch_cond |= G_IO_OUT | G_IO_HUP | G_IO_ERR | G_IO_NVAL;

  io = g_io_channel_unix_new(fd);
  id = g_io_add_watch_full(io, G_PRIORITY_DEFAULT, watch_cond,
                           input_dispatch, w, g_free);
  g_io_channel_unref(io);
  return id;
}

static gboolean ui_source_remove(guint handle) {
  return g_source_remove(handle);
}

static PurpleEventLoopUiOps eventloop_ops = {
  .timeout_add = g_timeout_add,
  .timeout_remove = ui_source_remove,
  .input_add = ui_input_add,
  .input_remove = ui_source_remove,
  .input_get_error = NULL,             /* libpurple falls back to getsockopt */
  .timeout_add_seconds = g_timeout_add_seconds,
};

static PurpleCoreUiOps core_ops;      /* nothing to hook */

/* ------------------------------------------------------------------ */
/* accounts                                                            */
/* ------------------------------------------------------------------ */

struct acct;

/* Scenario callbacks, all optional. */
struct hooks {
  void (*signed_on)(struct acct *a);
  void (*signed_off)(struct acct *a);
  void (*conn_error)(struct acct *a, PurpleConnectionError reason,
                     const char *desc);
  void (*received_im)(struct acct *a, const char *sender, const char *text);
  void (*typing)(struct acct *a, const char *who);
};

struct acct {
  const char *user;
  const char *pass;
  PurpleAccount *account;
  gboolean signed_on;
  gboolean signed_off;
  gboolean disconnecting;
};

static struct acct accts[2];
static int n_accts;
static const struct hooks *hooks;
static int signal_handle;             /* our handle for purple signals */

static struct acct *find_acct(PurpleAccount *account) {
  int i;
  for(i = 0; i < n_accts; i++)
    if(accts[i].account == account) return &accts[i];
  return NULL;
}

static struct acct *gc_acct(PurpleConnection *gc) {
  return find_acct(purple_connection_get_account(gc));
}

static struct acct *add_acct(const char *user, const char *pass) {
  struct acct *a = &accts[n_accts++];
  a->user = user;
  a->pass = pass;
  return a;
}

/* Create the account like Pidgin's account editor would: username and
   password, plus the Sametime plugin's "server" and "port" settings.
   "force_login" and "fake_client_id" keep their defaults (off). */
static void create_account(struct acct *a) {
  PurpleAccount *account = purple_account_new(a->user, PRPL_ID);

  purple_account_set_password(account, a->pass);
  purple_account_set_remember_password(account, TRUE);
  purple_account_set_string(account, MW_KEY_HOST, opt.host);
  purple_account_set_int(account, MW_KEY_PORT, opt.port);
  purple_accounts_add(account);
  purple_account_set_enabled(account, UI_ID, TRUE);
  a->account = account;
}

/* Disabling (rather than just disconnecting) keeps libpurple from ever
   reconnecting the account. */
static void disconnect_acct(struct acct *a) {
  if(a->signed_off || a->disconnecting) return;
  a->disconnecting = TRUE;
  event(a->user, "disconnecting");
  purple_account_set_enabled(a->account, UI_ID, FALSE);
}

static gboolean all_signed_on(void) {
  int i;
  for(i = 0; i < n_accts; i++)
    if(!accts[i].signed_on) return FALSE;
  return TRUE;
}

static gboolean all_signed_off(void) {
  int i;
  for(i = 0; i < n_accts; i++)
    if(!accts[i].signed_off) return FALSE;
  return TRUE;
}

/* --- deferred actions ------------------------------------------------ */

/* Scenario actions run from idle callbacks, not from inside the signal
   handlers, which fire in the middle of the plugin's message parsing. */
struct deferred {
  void (*fn)(struct acct *a);
  struct acct *a;
};

static gboolean run_deferred(gpointer data) {
  struct deferred *d = data;
  if(!finished) d->fn(d->a);
  g_free(d);
  return G_SOURCE_REMOVE;
}

static void later(void (*fn)(struct acct *a), struct acct *a) {
  struct deferred *d = g_new0(struct deferred, 1);
  d->fn = fn;
  d->a = a;
  g_idle_add(run_deferred, d);
}

/* --- signal handlers -------------------------------------------------- */

static void on_signed_on(PurpleConnection *gc, gpointer data) {
  struct acct *a = gc_acct(gc);

  (void) data;
  if(!a) return;
  a->signed_on = TRUE;
  event(a->user, "signed-on connection_state=%s account_connected=%s",
        conn_state_name(purple_connection_get_state(gc)),
        purple_account_is_connected(a->account) ? "true" : "false");
  if(hooks->signed_on) hooks->signed_on(a);
}

static void on_signed_off(PurpleConnection *gc, gpointer data) {
  struct acct *a = gc_acct(gc);

  (void) data;
  if(!a) return;
  a->signed_off = TRUE;
  event(a->user, "signed-off");
  if(hooks->signed_off) hooks->signed_off(a);
}

static void on_connection_error(PurpleConnection *gc,
                                PurpleConnectionError reason,
                                const gchar *desc, gpointer data) {
  struct acct *a = gc_acct(gc);

  (void) data;
  if(!a) return;
  event(a->user, "connection-error reason=%d (%s) description=\"%s\"",
        reason, error_name(reason), desc ? desc : "");
  if(hooks->conn_error) hooks->conn_error(a, reason, desc ? desc : "");
}

static void on_received_im(PurpleAccount *account, char *sender,
                           char *message, PurpleConversation *conv,
                           PurpleMessageFlags flags, gpointer data) {
  struct acct *a = find_acct(account);
  char *text, *shown;

  (void) conv;
  (void) data;
  if(!a) return;

  /* the plugin delivers HTML; compare on the text a user would see */
  text = purple_markup_strip_html(message ? message : "");
  shown = g_strescape(message ? message : "", NULL);
  event(a->user, "received-im from=%s flags=0x%x message=\"%s\"",
        sender ? sender : "", (unsigned) flags, shown);
  g_free(shown);
  if(hooks->received_im) hooks->received_im(a, sender ? sender : "", text);
  g_free(text);
}

static void on_buddy_typing(PurpleAccount *account, const char *name,
                            gpointer data) {
  struct acct *a = find_acct(account);

  (void) data;
  if(!a) return;
  event(a->user, "buddy-typing from=%s", name ? name : "");
  if(hooks->typing) hooks->typing(a, name ? name : "");
}

static void on_buddy_typing_stopped(PurpleAccount *account, const char *name,
                                    gpointer data) {
  struct acct *a = find_acct(account);

  (void) data;
  if(a) event(a->user, "buddy-typing-stopped from=%s", name ? name : "");
}

static void connect_signals(void) {
  void *conns = purple_connections_get_handle();
  void *convs = purple_conversations_get_handle();

  purple_signal_connect(conns, "signed-on", &signal_handle,
                        PURPLE_CALLBACK(on_signed_on), NULL);
  purple_signal_connect(conns, "signed-off", &signal_handle,
                        PURPLE_CALLBACK(on_signed_off), NULL);
  purple_signal_connect(conns, "connection-error", &signal_handle,
                        PURPLE_CALLBACK(on_connection_error), NULL);
  purple_signal_connect(convs, "received-im-msg", &signal_handle,
                        PURPLE_CALLBACK(on_received_im), NULL);
  purple_signal_connect(convs, "buddy-typing", &signal_handle,
                        PURPLE_CALLBACK(on_buddy_typing), NULL);
  purple_signal_connect(convs, "buddy-typing-stopped", &signal_handle,
                        PURPLE_CALLBACK(on_buddy_typing_stopped), NULL);
}

/* ------------------------------------------------------------------ */
/* scenarios                                                           */
/* ------------------------------------------------------------------ */

static struct {
  struct acct *a;           /* USER1: writes first */
  struct acct *b;           /* USER2 */
  gboolean ok;              /* the scenario's point was reached */
  gboolean first_seen;
  gboolean reply_seen;
} S;

static const char *const TEXT_1 = "hello from purple";
static const char *const TEXT_2 = "purple reply";

/* Unexpected connection errors fail every scenario but badlogin. */
static void fail_on_error(struct acct *a, PurpleConnectionError reason,
                          const char *desc) {
  finish(FALSE, "%s: connection error %d (%s): %s", a->user, reason,
         error_name(reason), desc);
}

/* Scenarios end with a clean sign-off of every account; the verdict is
   given once all are signed off. */
static void disconnect_all(struct acct *unused) {
  int i;

  (void) unused;
  expect("all accounts to sign off");
  for(i = 0; i < n_accts; i++) disconnect_acct(&accts[i]);
}

static void pass_when_all_signed_off(struct acct *a) {
  if(!a->disconnecting) {
    finish(FALSE, "%s was signed off unexpectedly", a->user);
    return;
  }
  if(!all_signed_off()) return;
  if(S.ok) finish(TRUE, NULL);
  else finish(FALSE, "signed off before the scenario completed");
}

/* The scenario's point was reached: sign every account off; the verdict
   is given by pass_when_all_signed_off. */
static void scenario_reached(struct acct *a) {
  S.ok = TRUE;
  later(disconnect_all, a);
}

/* Open an IM window the headless way: the plugin reacts to
   "conversation-created" by opening the Sametime IM channel, exactly
   as when Pidgin opens a conversation window. */
static PurpleConversation *open_im(struct acct *from, const char *to) {
  event(from->user, "opening-conversation to=%s", to);
  return purple_conversation_new(PURPLE_CONV_TYPE_IM, from->account, to);
}

/* --- signon -------------------------------------------------------------- */

static const struct hooks signon_hooks = {
  .signed_on = scenario_reached,     /* signing on is the whole point */
  .signed_off = pass_when_all_signed_off,
  .conn_error = fail_on_error,
};

/* --- badlogin ------------------------------------------------------------ */

static void badlogin_signed_on(struct acct *a) {
  finish(FALSE, "%s signed on although the password is wrong", a->user);
}

static void badlogin_error(struct acct *a, PurpleConnectionError reason,
                           const char *desc) {
  if(reason != PURPLE_CONNECTION_ERROR_AUTHENTICATION_FAILED) {
    finish(FALSE, "expected AUTHENTICATION_FAILED, got %d (%s): %s", reason,
           error_name(reason), desc);
  } else if(!strstr(desc, "Incorrect Username/Password")) {
    finish(FALSE, "AUTHENTICATION_FAILED but the text is \"%s\", expected "
           "Meanwhile's \"Incorrect Username/Password\" (0x80000211)", desc);
  } else {
    event(a->user, "login-refused description=\"%s\"", desc);
    finish(TRUE, NULL);
  }
}

static const struct hooks badlogin_hooks = {
  .signed_on = badlogin_signed_on,
  .conn_error = badlogin_error,
};

/* --- im ------------------------------------------------------------------ */

static void im_send_first(struct acct *a) {
  PurpleConversation *conv = open_im(a, S.b->user);

  purple_conv_im_send(PURPLE_CONV_IM(conv), TEXT_1);
  event(a->user, "sent-im to=%s text=\"%s\"", S.b->user, TEXT_1);
  expect("%s to receive \"%s\"", S.b->user, TEXT_1);
}

static void im_send_reply(struct acct *b) {
  PurpleConversation *conv = open_im(b, S.a->user);   /* existing window */

  purple_conv_im_send(PURPLE_CONV_IM(conv), TEXT_2);
  event(b->user, "sent-im to=%s text=\"%s\"", S.a->user, TEXT_2);
  expect("%s to receive \"%s\"", S.a->user, TEXT_2);
}

static void im_signed_on(struct acct *a) {
  (void) a;
  if(all_signed_on()) later(im_send_first, S.a);
}

/* TEXT is what a user would see (the plugin's HTML stripped), so it is
   only required to contain what was sent; a miss fails the run. */
static gboolean received_containing(struct acct *a, const char *text,
                                    const char *want) {
  if(strstr(text, want)) return TRUE;
  finish(FALSE, "%s received \"%s\", expected it to contain \"%s\"",
         a->user, text, want);
  return FALSE;
}

static void im_received(struct acct *a, const char *sender, const char *text) {
  const struct acct *peer = (a == S.b) ? S.a : S.b;

  /* libpurple compares buddy names case-insensitively, so do we */
  if(g_ascii_strcasecmp(sender, peer->user) != 0) {
    finish(FALSE, "%s got an IM from '%s', expected '%s'", a->user, sender,
           peer->user);
    return;
  }

  if(a == S.b && !S.first_seen) {
    if(!received_containing(a, text, TEXT_1)) return;
    S.first_seen = TRUE;
    later(im_send_reply, a);

  } else if(a == S.a && S.first_seen && !S.reply_seen) {
    if(!received_containing(a, text, TEXT_2)) return;
    S.reply_seen = TRUE;
    scenario_reached(a);
  }
}

static const struct hooks im_hooks = {
  .signed_on = im_signed_on,
  .signed_off = pass_when_all_signed_off,
  .conn_error = fail_on_error,
  .received_im = im_received,
};

/* --- typing -------------------------------------------------------------- */

static void typing_send(struct acct *a) {
  PurpleConnection *gc = purple_account_get_connection(a->account);

  /* the user opens a window and starts typing: the plugin queues the
     notice until the IM channel is open */
  open_im(a, S.b->user);
  serv_send_typing(gc, S.b->user, PURPLE_TYPING);
  event(a->user, "sent-typing to=%s state=TYPING", S.b->user);
  expect("%s to see %s typing", S.b->user, a->user);
}

static void typing_signed_on(struct acct *a) {
  (void) a;
  if(all_signed_on()) later(typing_send, S.a);
}

static void typing_seen(struct acct *a, const char *who) {
  if(a != S.b || S.ok) return;
  if(g_ascii_strcasecmp(who, S.a->user) != 0) {
    finish(FALSE, "%s saw '%s' typing, expected '%s'", a->user, who,
           S.a->user);
    return;
  }
  scenario_reached(a);
}

static const struct hooks typing_hooks = {
  .signed_on = typing_signed_on,
  .signed_off = pass_when_all_signed_off,
  .conn_error = fail_on_error,
  .typing = typing_seen,
};

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

/* the scenario list of the usage text (driver_init prints the rest) */
static const char scenarios[] =
  "  signon USER PASS\n"
  "  badlogin USER PASS\n"
  "  im USER1 PASS1 USER2 PASS2\n"
  "  typing USER1 PASS1 USER2 PASS2\n";

static gboolean setup_scenario(const char *name, int argc, char **argv) {
  if(argc == 2 && !strcmp(name, "signon")) {
    hooks = &signon_hooks;
    S.a = add_acct(argv[0], argv[1]);
  } else if(argc == 2 && !strcmp(name, "badlogin")) {
    hooks = &badlogin_hooks;
    S.a = add_acct(argv[0], argv[1]);
  } else if(argc == 4 && !strcmp(name, "im")) {
    hooks = &im_hooks;
    S.a = add_acct(argv[0], argv[1]);
    S.b = add_acct(argv[2], argv[3]);
  } else if(argc == 4 && !strcmp(name, "typing")) {
    hooks = &typing_hooks;
    S.a = add_acct(argv[0], argv[1]);
    S.b = add_acct(argv[2], argv[3]);
  } else {
    return FALSE;
  }
  return TRUE;
}

/* Bring libpurple up in a private, empty user directory. */
static gboolean init_purple(void) {
  GError *err = NULL;

  user_dir = g_dir_make_tmp("openst-interop-XXXXXX", &err);
  if(!user_dir) {
    finish(FALSE, "cannot create a temporary directory: %s", err->message);
    g_error_free(err);
    return FALSE;
  }
  purple_util_set_user_dir(user_dir);

  /* A headless driver has no use for D-Bus; pointing the session bus at
     nothing keeps libpurple from autolaunching a daemon or clashing on
     the bus name with a Pidgin or another driver running in parallel. */
  g_setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/openst-interop",
           TRUE);

  purple_debug_set_enabled(opt.debug);
  purple_core_set_ui_ops(&core_ops);
  purple_eventloop_set_ui_ops(&eventloop_ops);

  if(!purple_core_init(UI_ID)) {
    finish(FALSE, "purple_core_init failed");
    return FALSE;
  }
  /* like Pidgin's --force-online: going "available" must connect even
     when NetworkManager (if any) says the machine is offline; the
     server under test is usually on localhost */
  purple_network_force_online();

  purple_set_blist(purple_blist_new());
  purple_blist_load();

  /* nothing to keep: no conversation logs in the temporary dir */
  purple_prefs_set_bool("/purple/logging/log_ims", FALSE);
  purple_prefs_set_bool("/purple/logging/log_chats", FALSE);

  if(!purple_find_prpl(PRPL_ID)) {
    finish(FALSE, "libpurple has no %s plugin (is libpurple0's "
           "libsametime.so installed?)", PRPL_ID);
    return FALSE;
  }
  return TRUE;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw) {
  (void) st;
  (void) flag;
  (void) ftw;
  return remove(path);
}

static void cleanup_user_dir(void) {
  if(user_dir) nftw(user_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  g_free(user_dir);
}

int main(int argc, char **argv) {
  int i;

  if(!driver_init(argc, argv, "purpledriver", scenarios, setup_scenario))
    return 1;

  g_log_set_default_handler(driver_log_handler, NULL);
  g_set_print_handler(print_to_stderr);
  driver_start_timers();

  if(init_purple()) {
    connect_signals();
    expect("sign-on of all accounts");
    for(i = 0; i < n_accts; i++) create_account(&accts[i]);
    /* going "available" connects every enabled account */
    purple_savedstatus_activate(
        purple_savedstatus_new(NULL, PURPLE_STATUS_AVAILABLE));
    driver_run();
    purple_signals_disconnect_by_handle(&signal_handle);
    purple_core_quit();
  }

  cleanup_user_dir();
  return driver_exit();
}
