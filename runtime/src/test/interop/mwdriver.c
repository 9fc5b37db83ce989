/*
 * mwdriver - interop test driver speaking Sametime through Debian's
 * libmeanwhile, the library behind Pidgin's Sametime plugin.
 *
 *   mwdriver --host HOST --port PORT [--timeout SECONDS] [--debug]
 *            SCENARIO ARGS...
 *
 * Every notable event is printed to stdout as "EVENT <user> <what>";
 * the last line is exactly "PASS <scenario>" (exit 0) or
 * "FAIL <scenario>: <reason>" (exit 1).  See README.md for scenarios.
 *
 * The driver owns the sockets: libmeanwhile only parses and produces
 * bytes, so we connect, feed received bytes to mwSession_recv() and
 * write what the session hands to our io_write callback.  Everything
 * runs on one glib main loop; nothing sleeps, all waiting is on events.
 */

#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include <mw_channel.h>
#include <mw_cipher.h>
#include <mw_common.h>
#include <mw_error.h>
#include <mw_service.h>
#include <mw_session.h>
#include <mw_srvc_aware.h>
#include <mw_srvc_im.h>
#include <mw_srvc_resolve.h>
#include <mw_srvc_store.h>

#include "driver_common.h"

/* ------------------------------------------------------------------ */
/* reporting                                                           */
/* ------------------------------------------------------------------ */

static void hexdump(const char *who, const char *dir,
                    const guchar *buf, gsize len) {
  gsize i;

  if(!opt.debug || finished) return;
  fprintf(stderr, "%s %s %zu bytes:", who, dir, len);
  for(i = 0; i < len; i++)
    fprintf(stderr, "%s%02x", (i % 32) ? " " : "\n  ", buf[i]);
  fputc('\n', stderr);
}

/* Meanwhile's text for a reason code, as Pidgin would show it. */
static char *reason_text(guint32 reason) {
  char *text = mwError(reason);   /* g_strdup'ed by the library */
  char *full = g_strdup_printf("0x%08x (%s)", reason, text);
  g_free(text);
  return full;
}

/* ------------------------------------------------------------------ */
/* one Sametime client: socket + mwSession + services                  */
/* ------------------------------------------------------------------ */

struct client;

/* Scenario callbacks.  All are optional. */
struct hooks {
  void (*started)(struct client *c);
  void (*stopped)(struct client *c, guint32 reason);
  void (*closed)(struct client *c);
  void (*conv_opened)(struct client *c, struct mwConversation *conv);
  void (*conv_closed)(struct client *c, struct mwConversation *conv,
                      guint32 reason);
  void (*conv_recv)(struct client *c, struct mwConversation *conv,
                    enum mwImSendType type, gconstpointer msg);
};

struct client {
  const char *user;
  const char *pass;
  const struct hooks *hooks;

  struct addrinfo *addrs;      /* resolved server addresses */
  struct addrinfo *next_addr;  /* next one to try */
  int last_errno;

  int fd;
  GIOChannel *io;
  guint watch;                 /* connect or read watch */
  gboolean eof;                /* server closed its side */
  gboolean closed;             /* our socket is gone */

  struct mwSession *session;
  struct mwServiceIm *im;
  struct mwServiceAware *aware;
  struct mwServiceResolve *resolve;
  struct mwServiceStorage *storage;

  gboolean started;
  gboolean stopped;
  gboolean logging_out;        /* we asked for the stop */
  guint32 stop_reason;

  gboolean login_seen;         /* from tapping our own LOGIN frame */
  guint16 auth_type;
  GSList *im_channels;         /* ids of IM channels we created/accepted */
};

static struct client *clients[2];
static int n_clients;

static const char *state_name(enum mwSessionState state) {
  switch(state) {
  case mwSession_STARTING:      return "starting";
  case mwSession_HANDSHAKE:     return "handshake-sent";
  case mwSession_HANDSHAKE_ACK: return "handshake-acked";
  case mwSession_LOGIN:         return "login-sent";
  case mwSession_LOGIN_REDIR:   return "login-redirected";
  case mwSession_LOGIN_ACK:     return "login-acked";
  case mwSession_STARTED:       return "started";
  case mwSession_STOPPING:      return "stopping";
  case mwSession_STOPPED:       return "stopped";
  case mwSession_LOGIN_CONT:    return "login-continue";
  default:                      return "unknown";
  }
}

static const char *auth_name(guint16 type) {
  switch(type) {
  case 0x0000: return "PLAIN";
  case 0x0001: return "TOKEN";
  case 0x0002: return "RC2/40";
  case 0x0004: return "RC2/128";
  default:     return "?";
  }
}

static const char *send_type_name(enum mwImSendType type) {
  switch(type) {
  case mwImSend_PLAIN:     return "PLAIN";
  case mwImSend_TYPING:    return "TYPING";
  case mwImSend_HTML:      return "HTML";
  case mwImSend_SUBJECT:   return "SUBJECT";
  case mwImSend_MIME:      return "MIME";
  case mwImSend_TIMESTAMP: return "TIMESTAMP";
  default:                 return "?";
  }
}

static struct client *session_client(struct mwSession *s) {
  return mwSession_getClientData(s);
}

static struct client *conv_client(struct mwConversation *conv) {
  struct mwService *srvc = MW_SERVICE(mwConversation_getService(conv));
  return session_client(mwService_getSession(srvc));
}

static gboolean session_active(struct client *c) {
  return !(mwSession_isStopping(c->session) ||
           mwSession_isStopped(c->session));
}

/* --- deferred actions ---------------------------------------------- */

/* Scenario actions (open, send, logout) run from idle callbacks rather
   than inside libmeanwhile's callbacks, which are called half-way
   through parsing a received message. */
struct deferred {
  void (*fn)(struct client *c);
  struct client *c;
};

static gboolean run_deferred(gpointer data) {
  struct deferred *d = data;
  if(!finished) d->fn(d->c);
  g_free(d);
  return G_SOURCE_REMOVE;
}

static void later(void (*fn)(struct client *c), struct client *c) {
  struct deferred *d = g_new0(struct deferred, 1);
  d->fn = fn;
  d->c = c;
  g_idle_add(run_deferred, d);
}

static void notify_closed(struct client *c) {
  if(c->hooks->closed) c->hooks->closed(c);
}

/* --- wire tap -------------------------------------------------------- */

static guint16 get16(const guchar *p) {
  return (guint16) ((p[0] << 8) | p[1]);
}

static guint32 get32(const guchar *p) {
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) |
         ((guint32) p[2] << 8) | p[3];
}

/* libmeanwhile hides two things a test wants to see: the auth type it
   chose for LOGIN and the ids of IM channels (needed to find a
   conversation's channel and cipher).  Both are in the frames the
   session writes, one complete frame per io_write call. */
static void tap_outgoing(struct client *c, const guchar *buf, gsize len) {
  const guchar *body, *p, *end;
  guint16 type;

  if(len < 4 + 8) return;           /* keepalive or runt */
  body = buf + 4;
  end = buf + len;
  type = get16(body);
  p = body + 8;                     /* past type, options, channel */

  if(type == 0x0001 && p + 4 <= end) {
    /* LOGIN: u16 login_type, str user, opq auth_data, u16 auth_type */
    const guchar *q = p + 4 + get16(p + 2);
    if(q + 4 <= end) q += 4 + get32(q);
    if(q + 2 <= end) {
      c->login_seen = TRUE;
      c->auth_type = get16(q);
      event(c->user, "login-sent login_type=0x%04x auth_type=0x%04x (%s)",
            get16(p), c->auth_type, auth_name(c->auth_type));
    }

  } else if(type == 0x0002 && p + 10 <= end) {
    /* CHANNEL_CREATE: u32 reserved, u32 id, str user, str community,
       u32 service, ... */
    guint32 id = get32(p + 4);
    const guchar *q = p + 8;
    q += 2 + get16(q);
    if(q + 2 <= end) q += 2 + get16(q);
    if(q + 4 <= end && get32(q) == mwService_IM)
      c->im_channels = g_slist_prepend(c->im_channels, GUINT_TO_POINTER(id));

  } else if(type == 0x0006 && p + 4 <= end) {
    /* CHANNEL_ACCEPT: the header's channel is the id, then u32 service */
    if(get32(p) == mwService_IM)
      c->im_channels = g_slist_prepend(c->im_channels,
                                       GUINT_TO_POINTER(get32(body + 4)));
  }
}

/* --- socket ------------------------------------------------------------- */

static void close_socket(struct client *c) {
  if(c->fd < 0) return;
  if(c->watch) g_source_remove(c->watch);
  c->watch = 0;
  if(c->io) g_io_channel_unref(c->io);
  c->io = NULL;
  close(c->fd);
  c->fd = -1;
  c->closed = TRUE;
  event(c->user, "socket-closed");
}

static int io_write(struct mwSession *s, const guchar *buf, gsize len) {
  struct client *c = session_client(s);

  if(c->fd < 0) return -1;
  hexdump(c->user, "sent", buf, len);
  tap_outgoing(c, buf, len);

  while(len > 0) {
    /* MSG_NOSIGNAL: a server that hung up must not kill us by SIGPIPE */
    ssize_t n = send(c->fd, buf, len, MSG_NOSIGNAL);
    if(n < 0) {
      if(errno == EINTR) continue;
      event(c->user, "write-error %s", g_strerror(errno));
      return -1;
    }
    buf += n;
    len -= (gsize) n;
  }
  return 0;
}

/* Meanwhile calls this from mwSession_stop() right after sending the
   channel-0 destroy.  We only half-close and keep reading, so that a
   clean logout is confirmed by the server closing its side too. */
static void io_close(struct mwSession *s) {
  struct client *c = session_client(s);

  if(c->fd < 0) return;
  if(c->eof) {
    close_socket(c);
    later(notify_closed, c);
  } else {
    shutdown(c->fd, SHUT_WR);
    event(c->user, "socket-half-closed (waiting for the server to close)");
    expect("the server to close %s's connection", c->user);
  }
}

static gboolean on_readable(GIOChannel *io, GIOCondition cond, gpointer data) {
  struct client *c = data;
  guchar buf[4096];
  ssize_t n;

  (void) io;
  (void) cond;

  n = recv(c->fd, buf, sizeof buf, 0);
  if(n < 0 && (errno == EINTR || errno == EAGAIN))
    return G_SOURCE_CONTINUE;

  if(n > 0) {
    hexdump(c->user, "received", buf, (gsize) n);
    /* after the session stopped, whatever still arrives is discarded */
    if(session_active(c)) mwSession_recv(c->session, buf, (gsize) n);
    return G_SOURCE_CONTINUE;
  }

  /* end of stream (or error): this watch goes away with our return */
  c->watch = 0;
  c->eof = TRUE;
  if(n == 0)
    event(c->user, "server-closed-connection state=%s",
          state_name(mwSession_getState(c->session)));
  else
    event(c->user, "read-error %s", g_strerror(errno));

  if(session_active(c)) {
    /* unexpected: let the session stop (and the scenario judge it) */
    mwSession_stop(c->session, n == 0 ? CONNECTION_CLOSED : CONNECTION_RESET);
  }
  if(!c->closed) {
    close_socket(c);
    notify_closed(c);
  }
  return G_SOURCE_REMOVE;
}

static void try_next_address(struct client *c);

static void connected(struct client *c) {
  int flags = fcntl(c->fd, F_GETFL);

  /* Blocking from now on: frames are small and written whole, reads
     only happen when the socket is readable. */
  fcntl(c->fd, F_SETFL, flags & ~O_NONBLOCK);

  if(!c->io) c->io = g_io_channel_unix_new(c->fd);
  c->watch = g_io_add_watch(c->io, G_IO_IN | G_IO_HUP | G_IO_ERR,
                            on_readable, c);
  event(c->user, "connected %s:%d", opt.host, opt.port);
  expect("%s's login to complete", c->user);
  mwSession_start(c->session);
}

static gboolean on_connect_done(GIOChannel *io, GIOCondition cond,
                                gpointer data) {
  struct client *c = data;
  int err = 0;
  socklen_t len = sizeof err;

  (void) io;
  (void) cond;
  c->watch = 0;

  if(getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) err = errno;
  if(err) {
    c->last_errno = err;
    g_io_channel_unref(c->io);
    c->io = NULL;
    close(c->fd);
    c->fd = -1;
    try_next_address(c);
  } else {
    connected(c);
  }
  return G_SOURCE_REMOVE;
}

/* Non-blocking connect so that an unresponsive host runs into our
   timeout instead of the kernel's; every resolved address is tried
   ("localhost" may be ::1 first while the server listens on IPv4). */
static void try_next_address(struct client *c) {
  while(c->next_addr) {
    struct addrinfo *ai = c->next_addr;
    int fd;

    c->next_addr = ai->ai_next;
    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                ai->ai_protocol);
    if(fd < 0) {
      c->last_errno = errno;
      continue;
    }

    c->fd = fd;
    if(connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
      connected(c);
      return;
    }
    if(errno == EINPROGRESS) {
      c->io = g_io_channel_unix_new(fd);
      c->watch = g_io_add_watch(c->io, G_IO_OUT | G_IO_ERR | G_IO_HUP,
                                on_connect_done, c);
      return;
    }
    c->last_errno = errno;
    close(fd);
    c->fd = -1;
  }

  event(c->user, "connect-failed %s", g_strerror(c->last_errno));
  finish(FALSE, "%s cannot connect to %s:%d: %s", c->user, opt.host,
         opt.port, g_strerror(c->last_errno));
}

static void client_connect(struct client *c) {
  struct addrinfo hints;
  char port[16];
  int rc;

  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  snprintf(port, sizeof port, "%d", opt.port);

  expect("%s's connection to %s:%d", c->user, opt.host, opt.port);
  rc = getaddrinfo(opt.host, port, &hints, &c->addrs);
  if(rc) {
    finish(FALSE, "cannot resolve %s: %s", opt.host, gai_strerror(rc));
    return;
  }
  c->next_addr = c->addrs;
  c->last_errno = ECONNREFUSED;
  try_next_address(c);
}

/* --- session handler ------------------------------------------------- */

static void on_state_change(struct mwSession *s, enum mwSessionState state,
                            gpointer info) {
  struct client *c = session_client(s);

  if(state == mwSession_STOPPING || state == mwSession_STOPPED) {
    char *why = reason_text(GPOINTER_TO_UINT(info));
    event(c->user, "session-%s reason=%s", state_name(state), why);
    g_free(why);
  } else if(state == mwSession_LOGIN_REDIR) {
    event(c->user, "session-%s host=%s", state_name(state),
          info ? (const char *) info : "");
  } else {
    event(c->user, "session-%s", state_name(state));
  }

  switch(state) {
  case mwSession_LOGIN_REDIR:
    /* Pidgin with "force login" continues on the same server; the
       community server has no other server to send us to */
    mwSession_forceLogin(s);
    break;

  case mwSession_STARTED: {
    struct mwLoginInfo *li = mwSession_getLoginInfo(s);
    struct mwUserStatus status = { mwStatus_ACTIVE, 0, NULL };

    c->started = TRUE;
    event(c->user, "logged-in login_id=%s user_id=%s user_name=%s "
          "community=%s type=0x%04x", li->login_id ? li->login_id : "",
          li->user_id ? li->user_id : "", li->user_name ? li->user_name : "",
          li->community ? li->community : "", li->type);

    /* Pidgin announces its status as soon as the session is up */
    mwSession_setUserStatus(s, &status);
    if(c->hooks->started) later(c->hooks->started, c);
    break;
  }

  case mwSession_STOPPED:
    c->stopped = TRUE;
    c->stop_reason = GPOINTER_TO_UINT(info);
    if(c->hooks->stopped) c->hooks->stopped(c, c->stop_reason);
    break;

  default:
    break;
  }
}

static void on_admin(struct mwSession *s, const char *text) {
  char *shown = g_strescape(text ? text : "", NULL);   /* keep one line */
  event(session_client(s)->user, "admin-message text=\"%s\"", shown);
  g_free(shown);
}

static struct mwSessionHandler session_handler = {
  .io_write = io_write,
  .io_close = io_close,
  .on_stateChange = on_state_change,
  .on_admin = on_admin,
};

/* --- IM handler -------------------------------------------------------- */

/* libmeanwhile has no accessor from a conversation to its channel, so
   look it up among the IM channel ids seen by the wire tap. */
static struct mwChannel *conv_channel(struct client *c,
                                      struct mwConversation *conv) {
  struct mwChannelSet *cs = mwSession_getChannels(c->session);
  GSList *l;

  for(l = c->im_channels; l; l = l->next) {
    struct mwChannel *chan = mwChannel_find(cs, GPOINTER_TO_UINT(l->data));
    if(chan && mwChannel_getServiceData(chan) == conv) return chan;
  }
  return NULL;
}

/* Negotiated cipher type (0 = RC2/40, 1 = RC2/128) or -1 for none. */
static int conv_cipher(struct client *c, struct mwConversation *conv,
                       guint32 *chan_id) {
  struct mwChannel *chan = conv_channel(c, conv);
  struct mwCipherInstance *ci;

  *chan_id = chan ? mwChannel_getId(chan) : 0;
  if(!chan) return -1;
  ci = mwChannel_getCipherInstance(chan);
  if(!ci) return -1;
  return mwCipher_getType(mwCipherInstance_getCipher(ci));
}

static const char *cipher_name(int type) {
  switch(type) {
  case mwCipher_RC2_40:  return "RC2/40";
  case mwCipher_RC2_128: return "RC2/128";
  default:               return "none";
  }
}

static void im_opened(struct mwConversation *conv) {
  struct client *c = conv_client(conv);
  struct mwIdBlock *target = mwConversation_getTarget(conv);
  struct mwLoginInfo *peer = mwConversation_getTargetInfo(conv);
  guint32 chan_id;
  int cipher = conv_cipher(c, conv, &chan_id);

  event(c->user, "conversation-opened with=%s community=%s channel=0x%08x "
        "peer_login_id=%s peer_type=0x%04x features=0x%08x cipher=%s",
        target->user ? target->user : "",
        target->community ? target->community : "", chan_id,
        peer && peer->login_id ? peer->login_id : "",
        peer ? peer->type : 0, mwConversation_getClientType(conv),
        cipher_name(cipher));
  if(c->hooks->conv_opened) c->hooks->conv_opened(c, conv);
}

static void im_closed(struct mwConversation *conv, guint32 reason) {
  struct client *c = conv_client(conv);
  struct mwIdBlock *target = mwConversation_getTarget(conv);
  char *why = reason_text(reason);

  event(c->user, "conversation-closed with=%s reason=%s",
        target->user ? target->user : "", why);
  g_free(why);
  if(c->hooks->conv_closed) c->hooks->conv_closed(c, conv, reason);
}

static void im_recv(struct mwConversation *conv, enum mwImSendType type,
                    gconstpointer msg) {
  struct client *c = conv_client(conv);
  struct mwIdBlock *target = mwConversation_getTarget(conv);
  const char *from = target->user ? target->user : "";

  if(type == mwImSend_TYPING) {
    event(c->user, "received-typing from=%s typing=%s", from,
          GPOINTER_TO_INT(msg) ? "true" : "false");
  } else {
    char *shown = g_strescape(msg ? (const char *) msg : "", NULL);
    event(c->user, "received-%s from=%s text=\"%s\"", send_type_name(type),
          from, shown);
    g_free(shown);
  }
  if(c->hooks->conv_recv) c->hooks->conv_recv(c, conv, type, msg);
}

static struct mwImHandler im_handler = {
  .conversation_opened = im_opened,
  .conversation_closed = im_closed,
  .conversation_recv = im_recv,
};

static struct mwAwareHandler aware_handler;  /* no callbacks needed */

/* --- client lifecycle ------------------------------------------------- */

/* Set the session up the way Pidgin's Sametime plugin does: both
   ciphers, IM with the NotesBuddy feature set, and the awareness,
   resolve and storage services whose channels Pidgin opens at login. */
static struct client *client_new(const char *user, const char *pass,
                                 const struct hooks *hooks) {
  struct client *c = g_new0(struct client, 1);
  struct mwSession *s;

  c->user = user;
  c->pass = pass;
  c->hooks = hooks;
  c->fd = -1;

  s = c->session = mwSession_new(&session_handler);
  mwSession_setClientData(s, c, NULL);
  mwSession_setProperty(s, mwSession_AUTH_USER_ID, g_strdup(user), g_free);
  mwSession_setProperty(s, mwSession_AUTH_PASSWORD, g_strdup(pass), g_free);

  mwSession_addCipher(s, mwCipher_new_RC2_40(s));
  mwSession_addCipher(s, mwCipher_new_RC2_128(s));

  c->im = mwServiceIm_new(s, &im_handler);
  mwServiceIm_setClientType(c->im, mwImClient_NOTESBUDDY);
  mwSession_addService(s, MW_SERVICE(c->im));

  c->aware = mwServiceAware_new(s, &aware_handler);
  mwSession_addService(s, MW_SERVICE(c->aware));
  c->resolve = mwServiceResolve_new(s);
  mwSession_addService(s, MW_SERVICE(c->resolve));
  c->storage = mwServiceStorage_new(s);
  mwSession_addService(s, MW_SERVICE(c->storage));

  clients[n_clients++] = c;
  return c;
}

/* Logout exactly like Pidgin: stop with reason 0 (services close their
   channels, then channel 0 is destroyed and the socket closed). */
static void client_logout(struct client *c) {
  if(!session_active(c)) return;
  c->logging_out = TRUE;
  event(c->user, "logging-out");
  mwSession_stop(c->session, ERR_SUCCESS);
}

static void free_service(struct mwSession *s, struct mwService *srvc) {
  mwSession_removeService(s, mwService_getType(srvc));
  mwService_free(srvc);
}

static void client_free(struct client *c) {
  struct mwSession *s = c->session;
  GList *ciphers, *l;

  if(session_active(c)) mwSession_stop(s, ERR_SUCCESS);
  close_socket(c);

  free_service(s, MW_SERVICE(c->im));
  free_service(s, MW_SERVICE(c->aware));
  free_service(s, MW_SERVICE(c->resolve));
  free_service(s, MW_SERVICE(c->storage));

  ciphers = mwSession_getCiphers(s);
  for(l = ciphers; l; l = l->next) {
    struct mwCipher *cipher = l->data;
    mwSession_removeCipher(s, mwCipher_getType(cipher));
    mwCipher_free(cipher);
  }
  g_list_free(ciphers);

  mwSession_free(s);
  if(c->addrs) freeaddrinfo(c->addrs);
  g_slist_free(c->im_channels);
  g_free(c);
}

static gboolean all_closed(void) {
  int i;
  for(i = 0; i < n_clients; i++)
    if(!clients[i]->closed) return FALSE;
  return TRUE;
}

/* Who ended the session: a CHANNEL_DESTROY on channel 0 carries the
   server's reason; a bare TCP close gets a reason made up by us. */
static const char *stop_origin(struct client *c) {
  return c->eof ? " (made up locally: the server closed the TCP connection "
                  "without a CHANNEL_DESTROY on channel 0)"
                : "";
}

/* The "stopped" hook of every scenario but badlogin: a stop we did not
   ask for with client_logout fails the run. */
static void fail_on_unexpected_stop(struct client *c, guint32 reason) {
  char *why;

  if(c->logging_out) return;
  why = reason_text(reason);
  finish(FALSE, "%s's session stopped unexpectedly (state was %s), "
         "reason %s%s", c->user, c->started ? "started" : "logging in", why,
         stop_origin(c));
  g_free(why);
}

/* ------------------------------------------------------------------ */
/* scenarios                                                           */
/* ------------------------------------------------------------------ */

/* Scenario state shared by the scenario callbacks below. */
static struct {
  struct client *a;                  /* USER1, the one who writes first */
  struct client *b;                  /* USER2 */
  const char *target;                /* offline: the user not logged in */
  gboolean want_rc2_40;              /* rc2-40-login */
  gboolean logout_peer;              /* logout-peer variant of im */
  gboolean ok;                       /* the scenario's point was reached */
  struct mwConversation *out_conv;   /* a's conversation to b */
  struct mwConversation *in_conv;    /* b's incoming conversation */
  int cipher_a;
  gboolean opened_a, opened_b, typing_seen, text_seen, reply_seen;
  gboolean peer_gone_seen;
  gboolean logging_out;              /* final logout phase */
} S;

static const char *const TEXT_1 = "hello bob <b>1</b>";
static const char *const TEXT_2 = "hi alice 2";

static void pass_when_all_closed(struct client *c) {
  (void) c;
  if(!all_closed()) return;
  if(S.ok) finish(TRUE, NULL);
  else finish(FALSE, "connection closed before the scenario completed "
              "(waiting for %s)", waiting_for ? waiting_for : "?");
}

/* --- login / rc2-40-login --------------------------------------------- */

static void login_started(struct client *c) {
  if(S.want_rc2_40) {
    if(!c->login_seen) {
      finish(FALSE, "could not observe the LOGIN auth type");
      return;
    }
    if(c->auth_type != 0x0002) {
      finish(FALSE, "logged in with auth type 0x%04x (%s), expected RC2/40 "
             "(0x0002): did the server's HANDSHAKE_ACK carry a DH key?",
             c->auth_type, auth_name(c->auth_type));
      return;
    }
  }
  S.ok = TRUE;
  client_logout(c);
}

static const struct hooks login_hooks = {
  .started = login_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
};

/* --- badlogin -------------------------------------------------------- */

static void badlogin_started(struct client *c) {
  finish(FALSE, "%s logged in although the password is wrong", c->user);
}

static void badlogin_stopped(struct client *c, guint32 reason) {
  char *why = reason_text(reason);

  if(reason == INCORRECT_LOGIN) {
    event(c->user, "login-refused reason=%s", why);
    S.ok = TRUE;
    expect("the server to close the connection after refusing the login");
  } else {
    finish(FALSE, "expected the session to stop with 0x80000211 "
           "(INCORRECT_LOGIN), got %s%s", why, stop_origin(c));
  }
  g_free(why);
}

static const struct hooks badlogin_hooks = {
  .started = badlogin_started,
  .stopped = badlogin_stopped,
  .closed = pass_when_all_closed,
};

/* --- offline ----------------------------------------------------------- */

static void offline_started(struct client *c) {
  struct mwIdBlock idb = { (char *) S.target, NULL };

  S.out_conv = mwServiceIm_getConversation(c->im, &idb);
  event(c->user, "opening-conversation to=%s", S.target);
  expect("the server to refuse %s's conversation to %s", c->user, S.target);
  mwConversation_open(S.out_conv);
}

static void offline_opened(struct client *c, struct mwConversation *conv) {
  (void) c;
  (void) conv;
  finish(FALSE, "conversation to offline user %s was opened", S.target);
}

static void offline_closed(struct client *c, struct mwConversation *conv,
                           guint32 reason) {
  (void) conv;
  if(c->logging_out) return;

  if(reason != ERR_NO_USER) {
    char *why = reason_text(reason);
    finish(FALSE, "conversation to %s closed with %s, expected 0x80000006 "
           "(ERR_NO_USER)", S.target, why);
    g_free(why);
    return;
  }
  S.ok = TRUE;
  later(client_logout, c);
}

static const struct hooks offline_hooks = {
  .started = offline_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
  .conv_opened = offline_opened,
  .conv_closed = offline_closed,
};

/* --- im / logout-peer -------------------------------------------------- */

/* Send text the way Pidgin does on a NotesBuddy conversation: HTML when
   the conversation negotiated it, plain text otherwise. */
static void send_text(struct client *c, struct mwConversation *conv,
                      const char *text) {
  gboolean html = mwConversation_supports(conv, mwImSend_HTML);
  int rc;

  rc = mwConversation_send(conv, html ? mwImSend_HTML : mwImSend_PLAIN, text);
  event(c->user, "sent-%s text=\"%s\" rc=%d", html ? "HTML" : "PLAIN", text,
        rc);
  if(rc) finish(FALSE, "%s could not send \"%s\"", c->user, text);
}

static void logout_all(struct client *c) {
  int i;

  (void) c;
  S.logging_out = TRUE;
  for(i = 0; i < n_clients; i++) client_logout(clients[i]);
}

static void im_both_started(struct client *c) {
  struct mwIdBlock idb = { (char *) S.b->user, NULL };

  (void) c;
  if(!S.a->started || !S.b->started || S.out_conv) return;

  S.out_conv = mwServiceIm_getConversation(S.a->im, &idb);
  event(S.a->user, "opening-conversation to=%s", S.b->user);
  expect("the conversation %s -> %s to open", S.a->user, S.b->user);
  mwConversation_open(S.out_conv);
}

static void im_send_first(struct client *c) {
  int rc;

  if(!S.out_conv || !mwConversation_isOpen(S.out_conv)) {
    finish(FALSE, "conversation %s -> %s closed before sending", c->user,
           S.b->user);
    return;
  }
  rc = mwConversation_send(S.out_conv, mwImSend_TYPING, GINT_TO_POINTER(TRUE));
  event(c->user, "sent-typing typing=true rc=%d", rc);
  if(rc) {
    finish(FALSE, "%s could not send the typing notice", c->user);
    return;
  }
  send_text(c, S.out_conv, TEXT_1);
  expect("%s to receive the typing notice and \"%s\"", S.b->user, TEXT_1);
}

static void im_send_reply(struct client *c) {
  if(!S.in_conv || !mwConversation_isOpen(S.in_conv)) {
    finish(FALSE, "%s's incoming conversation closed before replying",
           c->user);
    return;
  }
  send_text(c, S.in_conv, TEXT_2);
  expect("%s to receive \"%s\"", S.a->user, TEXT_2);
}

static void im_conv_opened(struct client *c, struct mwConversation *conv) {
  guint32 chan_id;

  if(c == S.a && conv == S.out_conv) {
    S.opened_a = TRUE;
    S.cipher_a = conv_cipher(c, conv, &chan_id);
    if(S.cipher_a < 0) {
      finish(FALSE, "conversation %s -> %s opened without encryption "
             "(the cipher offer was not relayed, or the accept carried "
             "no cipher)", c->user, S.b->user);
      return;
    }
    event(c->user, "conversation-encrypted cipher=%s",
          cipher_name(S.cipher_a));
    later(im_send_first, c);

  } else if(c == S.b && !S.in_conv) {
    struct mwIdBlock *from = mwConversation_getTarget(conv);
    int cipher = conv_cipher(c, conv, &chan_id);

    const char *sender = mwSession_getLoginInfo(S.a->session)->user_id;

    S.in_conv = conv;
    S.opened_b = TRUE;
    /* Pidgin takes the sender from the creator LoginInfo, which must name
       the user id the server gave USER1 in its LOGIN_ACK */
    if(g_strcmp0(from->user, sender) != 0) {
      finish(FALSE, "incoming conversation at %s claims to be from '%s', "
             "expected '%s' (creator LoginInfo)", c->user,
             from->user ? from->user : "(none)", sender ? sender : "(none)");
      return;
    }
    if(cipher < 0) {
      finish(FALSE, "incoming conversation at %s has no cipher although "
             "%s offered RC2/40 and RC2/128", c->user, S.a->user);
      return;
    }
    event(c->user, "conversation-encrypted cipher=%s", cipher_name(cipher));
  }
}

/* The hub must relay IM text unchanged (HTML included), so both texts
   are compared byte for byte; a mismatch fails the run. */
static gboolean received_exactly(struct client *c, const char *text,
                                 const char *want) {
  if(g_strcmp0(text, want) == 0) return TRUE;
  finish(FALSE, "%s received \"%s\", expected \"%s\" byte for byte",
         c->user, text ? text : "", want);
  return FALSE;
}

static void im_conv_recv(struct client *c, struct mwConversation *conv,
                         enum mwImSendType type, gconstpointer msg) {
  const char *text = msg;

  if(type == mwImSend_TYPING) {
    if(c == S.b && GPOINTER_TO_INT(msg)) S.typing_seen = TRUE;
    return;
  }
  if(type != mwImSend_PLAIN && type != mwImSend_HTML) return;

  if(c == S.b && !S.text_seen) {
    if(conv != S.in_conv) {
      finish(FALSE, "%s got the text on an unexpected conversation", c->user);
      return;
    }
    if(!received_exactly(c, text, TEXT_1)) return;
    if(!S.typing_seen) {
      finish(FALSE, "%s received the text but not the typing notice that "
             "was sent before it", c->user);
      return;
    }
    S.text_seen = TRUE;

    if(S.logout_peer) {
      expect("%s's conversation to be closed after %s logged out",
             S.a->user, c->user);
      later(client_logout, c);
    } else {
      later(im_send_reply, c);
    }

  } else if(c == S.a && conv == S.out_conv && !S.reply_seen) {
    if(!received_exactly(c, text, TEXT_2)) return;
    S.reply_seen = TRUE;
    S.ok = TRUE;
    expect("both sessions to log out");
    later(logout_all, c);
  }
}

static void im_conv_closed(struct client *c, struct mwConversation *conv,
                           guint32 reason) {
  char *why;

  if(c->logging_out || S.logging_out) return;

  if(S.logout_peer && c == S.a && conv == S.out_conv && S.text_seen &&
     S.b->logging_out) {
    why = reason_text(reason);
    event(c->user, "peer-gone reason=%s%s", why,
          (reason == ERR_CLIENT_USER_GONE || reason == ERR_SUCCESS) ? "" :
          " (unexpected code; expected 0x80002000 or 0)");
    g_free(why);
    S.peer_gone_seen = TRUE;
    S.ok = TRUE;
    expect("%s to log out", c->user);
    later(client_logout, c);
    return;
  }

  why = reason_text(reason);
  finish(FALSE, "%s's conversation with %s closed unexpectedly, reason %s",
         c->user, mwConversation_getTarget(conv)->user ?
         mwConversation_getTarget(conv)->user : "(none)", why);
  g_free(why);
}

static const struct hooks im_hooks = {
  .started = im_both_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
  .conv_opened = im_conv_opened,
  .conv_closed = im_conv_closed,
  .conv_recv = im_conv_recv,
};

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

/* the scenario list of the usage text (driver_init prints the rest) */
static const char scenarios[] =
  "  login USER PASS\n"
  "  badlogin USER PASS\n"
  "  im USER1 PASS1 USER2 PASS2\n"
  "  offline USER PASS TARGET\n"
  "  logout-peer USER1 PASS1 USER2 PASS2\n"
  "  rc2-40-login USER PASS\n";

/* Create the clients a scenario needs; returns FALSE on bad arguments. */
static gboolean setup_scenario(const char *name, int argc, char **argv) {
  if(argc == 2 && (!strcmp(name, "login") || !strcmp(name, "rc2-40-login"))) {
    S.want_rc2_40 = !strcmp(name, "rc2-40-login");
    S.a = client_new(argv[0], argv[1], &login_hooks);
  } else if(argc == 2 && !strcmp(name, "badlogin")) {
    S.a = client_new(argv[0], argv[1], &badlogin_hooks);
  } else if(argc == 3 && !strcmp(name, "offline")) {
    S.target = argv[2];
    S.a = client_new(argv[0], argv[1], &offline_hooks);
  } else if(argc == 4 &&
            (!strcmp(name, "im") || !strcmp(name, "logout-peer"))) {
    S.logout_peer = !strcmp(name, "logout-peer");
    S.a = client_new(argv[0], argv[1], &im_hooks);
    S.b = client_new(argv[2], argv[3], &im_hooks);
  } else {
    return FALSE;
  }
  return TRUE;
}

int main(int argc, char **argv) {
  int i;

  /* installed first: setup_scenario (run by driver_init) already calls
     libmeanwhile */
  g_log_set_handler("meanwhile", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                    G_LOG_FLAG_RECURSION, driver_log_handler, NULL);
  if(!driver_init(argc, argv, "mwdriver", scenarios, setup_scenario))
    return 1;

  driver_start_timers();
  for(i = 0; i < n_clients && !finished; i++) client_connect(clients[i]);
  driver_run();

  for(i = 0; i < n_clients; i++) client_free(clients[i]);
  return driver_exit();
}
