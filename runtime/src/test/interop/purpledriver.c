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

#include <mw_service.h>
#include <mw_session.h>
#include <mw_srvc_store.h>

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
  void (*prepare)(void);    /* accounts exist, nothing is connected yet */
  void (*signed_on)(struct acct *a);
  void (*signed_off)(struct acct *a);
  void (*conn_error)(struct acct *a, PurpleConnectionError reason,
                     const char *desc);
  void (*received_im)(struct acct *a, const char *sender, const char *text);
  void (*typing)(struct acct *a, const char *who);
  /* presence of a buddy on A's list: signed on or off, or a status change
     between online states (NEW_STATUS is the buddy's new active status) */
  void (*buddy_signed_on)(struct acct *a, PurpleBuddy *buddy);
  void (*buddy_signed_off)(struct acct *a, PurpleBuddy *buddy);
  void (*buddy_status)(struct acct *a, PurpleBuddy *buddy,
                       PurpleStatus *new_status);
  /* a buddy left A's list (the plugin prunes buddies missing from the
     list stored on the server) */
  void (*buddy_removed)(struct acct *a, PurpleBuddy *buddy);
};

struct acct {
  const char *user;
  const char *pass;
  gboolean connect_later;   /* the scenario connects it, not main() */
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
   "force_login" and "fake_client_id" keep their defaults (off).  It is
   enabled (unless the scenario connects it later), which connects it
   once a saved status is active. */
static void create_account(struct acct *a) {
  PurpleAccount *account = purple_account_new(a->user, PRPL_ID);

  purple_account_set_password(account, a->pass);
  purple_account_set_remember_password(account, TRUE);
  purple_account_set_string(account, MW_KEY_HOST, opt.host);
  purple_account_set_int(account, MW_KEY_PORT, opt.port);
  purple_accounts_add(account);
  if(!a->connect_later) purple_account_set_enabled(account, UI_ID, TRUE);
  a->account = account;
}

/* Connect an account later on, as Pidgin does when an account is
   enabled in its accounts window: enable it and activate the current
   saved status (the one main() activated for the others) for it. */
static void connect_acct(struct acct *a) {
  event(a->user, "connecting");
  expect("%s to sign on", a->user);
  purple_account_set_enabled(a->account, UI_ID, TRUE);
  purple_savedstatus_activate_for_account(purple_savedstatus_get_current(),
                                          a->account);
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

static const char *buddy_status_id(PurpleBuddy *buddy) {
  PurpleStatus *status =
      purple_presence_get_active_status(purple_buddy_get_presence(buddy));
  return status ? purple_status_get_id(status) : "?";
}

static void on_buddy_signed_on(PurpleBuddy *buddy, gpointer data) {
  struct acct *a = find_acct(purple_buddy_get_account(buddy));

  (void) data;
  if(!a) return;
  event(a->user, "buddy-signed-on buddy=%s status=%s",
        purple_buddy_get_name(buddy), buddy_status_id(buddy));
  if(hooks->buddy_signed_on) hooks->buddy_signed_on(a, buddy);
}

static void on_buddy_signed_off(PurpleBuddy *buddy, gpointer data) {
  struct acct *a = find_acct(purple_buddy_get_account(buddy));

  (void) data;
  if(!a) return;
  event(a->user, "buddy-signed-off buddy=%s", purple_buddy_get_name(buddy));
  if(hooks->buddy_signed_off) hooks->buddy_signed_off(a, buddy);
}

/* The status message of a buddy as Pidgin's buddy list shows it: the
   plugin does not put it in the status's "message" attribute but hands
   it out through the prpl's status_text (Meanwhile's aware text). */
static char *buddy_status_text(PurpleBuddy *buddy) {
  PurplePlugin *prpl = purple_find_prpl(PRPL_ID);
  PurplePluginProtocolInfo *info = PURPLE_PLUGIN_PROTOCOL_INFO(prpl);

  return info->status_text ? info->status_text(buddy) : NULL;
}

static void on_buddy_status_changed(PurpleBuddy *buddy, PurpleStatus *old,
                                    PurpleStatus *new_status, gpointer data) {
  struct acct *a = find_acct(purple_buddy_get_account(buddy));
  char *text;

  (void) data;
  if(!a) return;
  text = buddy_status_text(buddy);
  event(a->user, "buddy-status-changed buddy=%s from=%s to=%s text=\"%s\"",
        purple_buddy_get_name(buddy), old ? purple_status_get_id(old) : "",
        new_status ? purple_status_get_id(new_status) : "",
        text ? text : "");
  g_free(text);
  if(hooks->buddy_status) hooks->buddy_status(a, buddy, new_status);
}

static void on_blist_node_removed(PurpleBlistNode *node, gpointer data) {
  PurpleBuddy *buddy;
  struct acct *a;

  (void) data;
  if(!PURPLE_BLIST_NODE_IS_BUDDY(node)) return;
  buddy = (PurpleBuddy *) node;
  a = find_acct(purple_buddy_get_account(buddy));
  if(!a) return;
  event(a->user, "buddy-removed buddy=%s", purple_buddy_get_name(buddy));
  if(hooks->buddy_removed) hooks->buddy_removed(a, buddy);
}

static void connect_signals(void) {
  void *conns = purple_connections_get_handle();
  void *convs = purple_conversations_get_handle();
  void *blist = purple_blist_get_handle();

  purple_signal_connect(blist, "buddy-signed-on", &signal_handle,
                        PURPLE_CALLBACK(on_buddy_signed_on), NULL);
  purple_signal_connect(blist, "buddy-signed-off", &signal_handle,
                        PURPLE_CALLBACK(on_buddy_signed_off), NULL);
  purple_signal_connect(blist, "buddy-status-changed", &signal_handle,
                        PURPLE_CALLBACK(on_buddy_status_changed), NULL);
  purple_signal_connect(blist, "blist-node-removed", &signal_handle,
                        PURPLE_CALLBACK(on_blist_node_removed), NULL);

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
  struct acct *a;           /* USER1: writes first; WATCHER */
  struct acct *b;           /* USER2; USER */
  gboolean ok;              /* the scenario's point was reached */
  gboolean first_seen;      /* im: first text; presence: USER online */
  gboolean reply_seen;      /* im: the reply; presence: USER away */
  gboolean away_sent;       /* presence */
  int session;              /* storage-list: 1 = saving, 2 = checking */
  gboolean saving;          /* storage-list: the buddy must stay */
  const char *buddy;        /* storage-list: the buddy saved */
  char *alias;              /* storage-list: its alias, unique to the run */
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

/* --- presence ------------------------------------------------------------ */

/* S.a = WATCHER with USER on its buddy list, S.b = USER, which signs on
   only after WATCHER did. */
static const char *const AWAY_TEXT = "lunch";

static gboolean is_watched(struct acct *a, PurpleBuddy *buddy) {
  return a == S.a &&
         g_ascii_strcasecmp(purple_buddy_get_name(buddy), S.b->user) == 0;
}

/* Before WATCHER connects: USER in a group of WATCHER's local list, as
   if added in an earlier Pidgin session.  The plugin subscribes every
   buddy of the account when the session starts (blist_init). */
static void presence_prepare(void) {
  PurpleGroup *group = purple_group_new("Buddies");
  PurpleBuddy *buddy = purple_buddy_new(S.a->account, S.b->user, NULL);

  purple_blist_add_group(group, NULL);
  purple_blist_add_buddy(buddy, NULL, group, NULL);
  event(S.a->user, "buddy-added buddy=%s group=Buddies (local list)",
        S.b->user);
}

static void presence_go_away(struct acct *user) {
  purple_account_set_status(user->account, "away", TRUE, "message",
                            AWAY_TEXT, NULL);
  event(user->user, "status-set status=away message=\"%s\"", AWAY_TEXT);
  expect("%s to see %s away with \"%s\"", S.a->user, user->user, AWAY_TEXT);
}

/* USER goes away once it is signed on and WATCHER has seen it online;
   either may come first. */
static void presence_maybe_go_away(void) {
  if(S.first_seen && S.b->signed_on && !S.away_sent) {
    S.away_sent = TRUE;
    later(presence_go_away, S.b);
  }
}

static void presence_signed_on(struct acct *a) {
  if(a == S.a) {
    later(connect_acct, S.b);
  } else {
    if(!S.first_seen)
      expect("%s to see %s come online", S.a->user, S.b->user);
    presence_maybe_go_away();
  }
}

static void presence_buddy_on(struct acct *a, PurpleBuddy *buddy) {
  if(!is_watched(a, buddy) || S.first_seen) return;
  S.first_seen = TRUE;
  presence_maybe_go_away();
}

static void presence_buddy_status(struct acct *a, PurpleBuddy *buddy,
                                  PurpleStatus *new_status) {
  const char *id = new_status ? purple_status_get_id(new_status) : "";
  char *text;

  if(!is_watched(a, buddy) || !S.away_sent || S.reply_seen) return;
  if(strcmp(id, "away") != 0) return;   /* e.g. "active" at sign-on */

  text = buddy_status_text(buddy);
  if(g_strcmp0(text, AWAY_TEXT) != 0) {
    finish(FALSE, "%s sees %s away with the text \"%s\", expected \"%s\"",
           a->user, S.b->user, text ? text : "(none)", AWAY_TEXT);
  } else {
    S.reply_seen = TRUE;
    expect("%s to see %s sign off", a->user, S.b->user);
    later(disconnect_acct, S.b);
  }
  g_free(text);
}

static void presence_buddy_off(struct acct *a, PurpleBuddy *buddy) {
  if(!is_watched(a, buddy)) return;
  if(!S.reply_seen) {
    finish(FALSE, "%s saw %s sign off before seeing it away", a->user,
           S.b->user);
    return;
  }
  scenario_reached(a);
}

static void presence_buddy_removed(struct acct *a, PurpleBuddy *buddy) {
  if(!is_watched(a, buddy) || S.ok) return;
  finish(FALSE, "the plugin removed %s from %s's buddy list: the list %s "
         "stored on the server (key 0) does not contain it, and Pidgin "
         "synchronises with the server copy (left by another test?)",
         S.b->user, a->user, a->user);
}

static const struct hooks presence_hooks = {
  .prepare = presence_prepare,
  .signed_on = presence_signed_on,
  .signed_off = pass_when_all_signed_off,
  .conn_error = fail_on_error,
  .buddy_signed_on = presence_buddy_on,
  .buddy_signed_off = presence_buddy_off,
  .buddy_status = presence_buddy_status,
  .buddy_removed = presence_buddy_removed,
};

/* --- storage-list ---------------------------------------------------- */

/* S.a = USER.  Session 1 saves a buddy list that names S.buddy in group
   "Interop" with an alias unique to the run; session 2 starts without
   that group (as a fresh Pidgin profile would for this account) and
   must get it back from the server.

   Pidgin saves its list 15 s after a change, or at logout if that save
   is still pending, as the last thing before the channel-0 destroy
   (mw_prpl_close).  The driver relies on the logout save: the buddy is
   on the local list at sign-on, so the plugin subscribes it and
   schedules a save (blist_init).  That save is only sent if the storage
   channel is open by then (a request queued on a channel that never
   opened is dropped at logout), and the check in session 2 must wait
   until the plugin has applied the loaded list.  Both are observed the
   same way: a LOAD of key 0 queued behind the plugin's own (Meanwhile
   sends a service's requests in order, and the driver assumes the
   storage service answers one channel's requests in order too).  To
   queue it the driver takes the plugin's mwSession: sametime.c's
   protocol data starts with it (struct mwPurplePluginData, unchanged
   throughout Pidgin 2.x). */
static const char *const LIST_GROUP = "Interop";
static const char *const LIST_SERVER_ALIAS = "Interop Buddy";

static void list_loaded(struct acct *a);

static void storage_probe_done(struct mwServiceStorage *srvc, guint32 result,
                               struct mwStorageUnit *item, gpointer data) {
  struct acct *a = data;

  (void) srvc;
  (void) item;
  if(finished) return;
  event(a->user, "storage-probe-answered key=0 result=0x%08x", result);
  later(list_loaded, a);
}

static void storage_probe(struct acct *a) {
  PurpleConnection *gc = purple_account_get_connection(a->account);
  gpointer pd = gc ? purple_connection_get_protocol_data(gc) : NULL;
  struct mwSession *session = pd ? *(struct mwSession **) pd : NULL;
  struct mwService *storage =
      session ? mwSession_getService(session, mwService_STORAGE) : NULL;

  if(!storage) {
    finish(FALSE, "cannot reach the plugin's storage service for %s",
           a->user);
    return;
  }
  event(a->user, "storage-probe key=0 (queued behind the plugin's load)");
  expect("the answer to a storage load queued behind the plugin's own "
         "(session %d of %s)", S.session, a->user);
  mwServiceStorage_load((struct mwServiceStorage *) storage,
                        mwStorageUnit_new(mwStore_AWARE_LIST),
                        storage_probe_done, a, NULL);
}

static PurpleGroup *list_group(void) {
  return purple_find_group(LIST_GROUP);
}

static PurpleBuddy *list_buddy(struct acct *a) {
  PurpleGroup *group = list_group();
  return group ? purple_find_buddy_in_group(a->account, S.buddy, group) : NULL;
}

/* The buddy in its group on the local list (the plugin prunes groups the
   server copy lacks when it loads the list, so session 1 re-adds it). */
static PurpleBuddy *list_ensure_buddy(struct acct *a) {
  PurpleGroup *group = list_group();
  PurpleBuddy *buddy;

  if(!group) {
    group = purple_group_new(LIST_GROUP);
    purple_blist_add_group(group, NULL);
  }
  buddy = purple_find_buddy_in_group(a->account, S.buddy, group);
  if(!buddy) {
    buddy = purple_buddy_new(a->account, S.buddy, NULL);
    purple_blist_add_buddy(buddy, NULL, group, NULL);
  }
  return buddy;
}

static void list_prepare(void) {
  list_ensure_buddy(S.a);
  event(S.a->user, "buddy-added buddy=%s group=%s (local list)", S.buddy,
        LIST_GROUP);
}

static void list_signed_on(struct acct *a) {
  storage_probe(a);
}

static void list_loaded(struct acct *a) {
  PurpleBuddy *buddy;
  const char *alias;

  if(S.session == 1) {
    buddy = list_ensure_buddy(a);
    /* the server alias fills the list's name slot: with an empty one
       Meanwhile's writer would move the alias there */
    purple_blist_server_alias_buddy(buddy, LIST_SERVER_ALIAS);
    purple_blist_alias_buddy(buddy, S.alias);
    event(a->user, "buddy-aliased buddy=%s group=%s alias=%s", S.buddy,
          LIST_GROUP, S.alias);
    S.saving = TRUE;
    expect("%s to sign off (the plugin saves the list at logout)", a->user);
    disconnect_acct(a);
    return;
  }

  buddy = list_buddy(a);
  if(!buddy) {
    finish(FALSE, "after logging in again %s's list has no %s in group %s: "
           "the list the plugin saved at logout did not come back (was the "
           "SAVE handled before the logout?)", a->user, S.buddy, LIST_GROUP);
    return;
  }
  alias = purple_buddy_get_local_buddy_alias(buddy);
  event(a->user, "buddy-restored buddy=%s group=%s alias=%s server_alias=%s",
        S.buddy, LIST_GROUP, alias ? alias : "",
        purple_buddy_get_server_alias(buddy) ?
        purple_buddy_get_server_alias(buddy) : "");
  if(g_strcmp0(alias, S.alias) != 0) {
    finish(FALSE, "%s came back with the alias '%s', expected '%s' (saved by "
           "this run): an older list?", S.buddy, alias ? alias : "", S.alias);
    return;
  }
  scenario_reached(a);
}

static void list_signed_off(struct acct *a) {
  PurpleBuddy *buddy;
  PurpleGroup *group;

  if(S.session != 1 || !a->disconnecting) {
    pass_when_all_signed_off(a);
    return;
  }
  /* session 2 starts like a fresh profile for this account */
  S.saving = FALSE;
  buddy = list_buddy(a);
  if(buddy) purple_blist_remove_buddy(buddy);
  group = list_group();
  if(group && !purple_blist_get_group_size(group, TRUE))
    purple_blist_remove_group(group);
  event(a->user, "local-list-cleared group=%s", LIST_GROUP);

  S.session = 2;
  a->signed_on = a->signed_off = a->disconnecting = FALSE;
  later(connect_acct, a);
}

static void list_buddy_removed(struct acct *a, PurpleBuddy *buddy) {
  if(!S.saving || a != S.a ||
     g_ascii_strcasecmp(purple_buddy_get_name(buddy), S.buddy) != 0)
    return;
  finish(FALSE, "%s was removed from %s's list after the list was loaded "
         "(did the storage service answer out of order?)", S.buddy, a->user);
}

static const struct hooks storage_list_hooks = {
  .prepare = list_prepare,
  .signed_on = list_signed_on,
  .signed_off = list_signed_off,
  .conn_error = fail_on_error,
  .buddy_removed = list_buddy_removed,
};

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

/* the scenario list of the usage text (driver_init prints the rest) */
static const char scenarios[] =
  "  signon USER PASS\n"
  "  badlogin USER PASS\n"
  "  im USER1 PASS1 USER2 PASS2\n"
  "  typing USER1 PASS1 USER2 PASS2\n"
  "  presence WATCHER PASS USER PASS\n"
  "  storage-list USER PASS BUDDY\n";

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
  } else if(argc == 4 && !strcmp(name, "presence")) {
    hooks = &presence_hooks;
    S.a = add_acct(argv[0], argv[1]);
    S.b = add_acct(argv[2], argv[3]);
    S.b->connect_later = TRUE;        /* once WATCHER is signed on */
  } else if(argc == 3 && !strcmp(name, "storage-list")) {
    hooks = &storage_list_hooks;
    S.a = add_acct(argv[0], argv[1]);
    S.buddy = argv[2];
    S.session = 1;
    S.alias = g_strdup_printf("run%" G_GINT64_FORMAT "x%d",
                              g_get_real_time(), (int) getpid());
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
    if(hooks->prepare) hooks->prepare();
    /* going "available" connects every enabled account */
    purple_savedstatus_activate(
        purple_savedstatus_new(NULL, PURPLE_STATUS_AVAILABLE));
    driver_run();
    purple_signals_disconnect_by_handle(&signal_handle);
    purple_core_quit();
  }

  cleanup_user_dir();
  g_free(S.alias);
  return driver_exit();
}
