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
#include <stdarg.h>
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
#include <mw_srvc_conf.h>
#include <mw_srvc_im.h>
#include <mw_srvc_place.h>
#include <mw_srvc_resolve.h>
#include <mw_srvc_store.h>
#include <mw_st_list.h>

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
  /* a snapshot or update for an ID on the client's aware list (not for
     the ID of a pending aware_barrier, which ends the barrier instead) */
  void (*aware)(struct client *c, const struct mwAwareSnapshot *snap);
  /* the hub set the client's privacy list (SET_PRIVACY_LIST S->C) */
  void (*privacy)(struct client *c, const struct mwPrivacyInfo *list);
  /* conference service (spec §6.3); members are struct mwLoginInfo */
  void (*conf_invited)(struct client *c, struct mwConference *conf,
                       const struct mwLoginInfo *inviter, const char *text);
  void (*conf_opened)(struct client *c, struct mwConference *conf,
                      GList *members);
  void (*conf_closed)(struct client *c, struct mwConference *conf,
                      guint32 reason);
  void (*conf_joined)(struct client *c, struct mwConference *conf,
                      const struct mwLoginInfo *who);
  void (*conf_parted)(struct client *c, struct mwConference *conf,
                      const struct mwLoginInfo *who);
  void (*conf_text)(struct client *c, struct mwConference *conf,
                    const struct mwLoginInfo *who, const char *text);
  /* place service (spec §6.4) */
  void (*place_opened)(struct client *c, struct mwPlace *place);
  void (*place_closed)(struct client *c, struct mwPlace *place,
                       guint32 reason);
  void (*place_joined)(struct client *c, struct mwPlace *place,
                       const struct mwIdBlock *who);
  void (*place_parted)(struct client *c, struct mwPlace *place,
                       const struct mwIdBlock *who);
  void (*place_text)(struct client *c, struct mwPlace *place,
                     const struct mwIdBlock *who, const char *text);
  /* after every received chunk was handled (service states may have
     changed: libmeanwhile has no callback for that) */
  void (*received)(struct client *c);
};

/* Server applications a scenario relies on (struct client.needs): if
   the hub destroys one of their channels the run fails at once, naming
   the service, instead of running into the timeout. */
enum {
  NEED_AWARE   = 1 << 0,
  NEED_RESOLVE = 1 << 1,
  NEED_STORAGE = 1 << 2,
};

struct client {
  const char *user;            /* label of the EVENT lines */
  const char *login;           /* the user ID sent in LOGIN ("" = guest) */
  const char *pass;
  const struct hooks *hooks;
  gboolean connect_later;      /* the scenario connects it, not main() */
  guint needs;                 /* NEED_* */

  struct addrinfo *addrs;      /* resolved server addresses */
  struct addrinfo *next_addr;  /* next one to try */
  int last_errno;

  int fd;
  GIOChannel *io;
  guint watch;                 /* connect or read watch */
  gboolean eof;                /* server closed its side */
  gboolean closed;             /* our socket is gone */
  gboolean close_like_pidgin;  /* io_close closes at once (see io_close) */

  struct mwSession *session;
  struct mwServiceIm *im;
  struct mwServiceAware *aware;
  struct mwServiceResolve *resolve;
  struct mwServiceStorage *storage;
  struct mwServiceConference *conf;
  struct mwServicePlace *place;

  gboolean started;
  gboolean stopped;
  gboolean logging_out;        /* we asked for the stop */
  guint32 stop_reason;

  gboolean login_seen;         /* from tapping our own LOGIN frame */
  guint16 auth_type;
  GSList *im_channels;         /* ids of IM channels we created/accepted */
  GSList *place_channels;      /* ids of place channels we created */

  struct mwAwareList *alist;   /* the scenario's buddy list (aware_add) */
  char *barrier_id;            /* aware_barrier: the ID whose snapshot ends it */
  void (*barrier_then)(struct client *c);

  struct mwConference *chat_conf;  /* the scenario's conference, if any */
  struct mwPlace *chat_place;      /* the scenario's place, if any */
};

static struct client *clients[3];   /* at most three per scenario */
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

/* A service whose channel the hub destroyed is stopped by Meanwhile
   (it then sends SENSE_SERVICE and waits for the service to come back):
   for a scenario that needs it, that is the end.  Checked after every
   received chunk, so a missing server application fails the run at
   once, by name, instead of by the timeout.  Meanwhile starts the
   services before it reports STARTED, so from then on a needed service
   is STARTING or STARTED unless the hub refused it. */
static void check_services(struct client *c) {
  static const struct {
    guint need;
    guint32 type;
    const char *name;
  } services[] = {
    { NEED_AWARE, mwService_AWARE, "awareness" },
    { NEED_RESOLVE, mwService_RESOLVE, "resolve" },
    { NEED_STORAGE, mwService_STORAGE, "storage" },
  };
  gsize i;

  if(finished || !c->started || c->logging_out || !session_active(c))
    return;
  for(i = 0; i < G_N_ELEMENTS(services); i++) {
    struct mwService *srvc;

    if(!(c->needs & services[i].need)) continue;
    srvc = mwSession_getService(c->session, services[i].type);
    if(srvc && MW_SERVICE_IS_DEAD(srvc)) {
      event(c->user, "service-stopped service=0x%08x (%s)",
            services[i].type, services[i].name);
      finish(FALSE, "the hub closed %s's %s channel (service 0x%08x): is "
             "its server application deployed?", c->user, services[i].name,
             services[i].type);
      return;
    }
  }
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
   chose for LOGIN and the ids of IM and place channels (needed to find
   a conversation's or place's channel and cipher).  Both are in the frames the
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
    else if(q + 4 <= end && get32(q) == mwService_PLACE)
      c->place_channels = g_slist_prepend(c->place_channels,
                                          GUINT_TO_POINTER(id));

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
  if(c->eof || c->close_like_pidgin) {
    /* Pidgin closes its socket right away (mw_session_io_close); with
       data from the server still unread the kernel then resets the
       connection */
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
    if(session_active(c)) {
      mwSession_recv(c->session, buf, (gsize) n);
      check_services(c);
      if(c->hooks->received && !finished) c->hooks->received(c);
    }
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

/* "name1,name2" of a privacy list, for EVENT lines (g_free it) */
static char *privacy_users(const struct mwPrivacyInfo *p) {
  GString *s = g_string_new("");
  guint32 i;

  for(i = 0; i < p->count; i++)
    g_string_append_printf(s, "%s%s", i ? "," : "",
                           p->users[i].id ? p->users[i].id : "");
  return g_string_free(s, FALSE);
}

/* Meanwhile 1.1.1 calls this only for a SET_PRIVACY_LIST from the
   server (the hub tells the client its stored list, spec §3.12). */
static void on_privacy(struct mwSession *s) {
  struct client *c = session_client(s);
  struct mwPrivacyInfo *p = mwSession_getPrivacyInfo(s);
  char *users = privacy_users(p);

  event(c->user, "privacy-list-received deny=%s users=%s",
        p->deny ? "true" : "false", users);
  g_free(users);
  if(c->hooks->privacy) c->hooks->privacy(c, p);
}

static struct mwSessionHandler session_handler = {
  .io_write = io_write,
  .io_close = io_close,
  .on_stateChange = on_state_change,
  .on_setPrivacyInfo = on_privacy,
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

/* --- awareness ------------------------------------------------------- */

static struct mwAwareHandler aware_handler;  /* no callbacks needed */

static const char *status_name(guint16 status) {
  switch(status) {
  case mwStatus_ACTIVE: return "ACTIVE";
  case mwStatus_IDLE:   return "IDLE";
  case mwStatus_AWAY:   return "AWAY";
  case mwStatus_BUSY:   return "BUSY";
  default:              return "?";
  }
}

static void on_aware(struct mwAwareList *list, struct mwAwareSnapshot *snap) {
  struct client *c = mwAwareList_getClientData(list);
  const char *id = snap->id.user ? snap->id.user : "";

  if(snap->online) {
    char *desc = g_strescape(snap->status.desc ? snap->status.desc : "", NULL);
    event(c->user, "aware id=%s online=true status=0x%04x (%s) desc=\"%s\" "
          "alt_id=%s name=%s group=%s", id, snap->status.status,
          status_name(snap->status.status), desc,
          snap->alt_id ? snap->alt_id : "", snap->name ? snap->name : "",
          snap->group ? snap->group : "");
    g_free(desc);
  } else {
    event(c->user, "aware id=%s online=false group=%s", id,
          snap->group ? snap->group : "");
  }

  if(c->barrier_id && g_strcmp0(id, c->barrier_id) == 0) {
    void (*then)(struct client *c) = c->barrier_then;

    event(c->user, "aware-barrier-passed id=%s", id);
    g_free(c->barrier_id);
    c->barrier_id = NULL;
    c->barrier_then = NULL;
    later(then, c);
    return;
  }
  if(c->hooks->aware) c->hooks->aware(c, snap);
}

static void on_aware_attrib(struct mwAwareList *list,
                            struct mwAwareIdBlock *id,
                            struct mwAwareAttribute *attrib) {
  struct client *c = mwAwareList_getClientData(list);
  const struct mwOpaque *o = mwAwareAttribute_asOpaque(attrib);

  event(c->user, "aware-attribute id=%s key=0x%x length=%zu",
        id->user ? id->user : "", mwAwareAttribute_getKey(attrib),
        o ? o->len : (gsize) 0);
}

static struct mwAwareListHandler aware_list_handler = {
  .on_aware = on_aware,
  .on_attrib = on_aware_attrib,
};

/* Add a user ID to the client's aware list the way Pidgin adds a buddy:
   AwareIdBlock type 2 (user), community NULL (own community), on a list
   that watches the attributes Pidgin watches.  Meanwhile sends the ADD
   once the awareness channel is accepted (queued until then) and only
   for IDs not on the list yet. */
static void aware_add(struct client *c, const char *id) {
  struct mwAwareIdBlock idb = { mwAware_USER, (char *) id, NULL };
  GList *ids = g_list_prepend(NULL, &idb);
  int rc;

  if(!c->alist) {
    c->alist = mwAwareList_new(c->aware, &aware_list_handler);
    mwAwareList_setClientData(c->alist, c, NULL);
    mwAwareList_watchAttributes(c->alist, (guint32) mwAttribute_AV_PREFS_SET,
                                (guint32) mwAttribute_MICROPHONE,
                                (guint32) mwAttribute_SPEAKERS,
                                (guint32) mwAttribute_VIDEO_CAMERA,
                                (guint32) mwAttribute_FILE_TRANSFER,
                                (guint32) 0);
  }
  rc = mwAwareList_addAware(c->alist, ids);
  g_list_free(ids);
  event(c->user, "aware-add id=%s rc=%d", id, rc);
  if(rc) finish(FALSE, "%s could not add %s to its aware list", c->user, id);
}

/* A round trip through the hub and its awareness service: add ID (one
   not on the list yet, or Meanwhile sends nothing) and run THEN once its
   snapshot arrives.  The hub handles a connection's frames in order, so
   when the snapshot is back, everything the client sent before the ADD
   (status, privacy list) has been handled too. */
static void aware_barrier(struct client *c, const char *id,
                          void (*then)(struct client *c)) {
  g_free(c->barrier_id);
  c->barrier_id = g_strdup(id);
  c->barrier_then = then;
  expect("%s's snapshot of %s (round trip through the awareness service)",
         c->user, id);
  aware_add(c, id);
}

/* --- conference and place ------------------------------------------- */

/* Text for an EVENT line: one line, quotes and backslashes escaped,
   UTF-8 kept as it is (g_free it). */
static char *shown_text(const char *text) {
  static char high[129];

  if(!high[0]) {
    int i;
    for(i = 0; i < 128; i++) high[i] = (char) (0x80 + i);
  }
  return g_strescape(text ? text : "", high);
}

/* The label of the scenario client logged in as USER_ID (the user ID of
   its LOGIN_ACK), or USER_ID itself if none is. */
static const char *label_of(const char *user_id) {
  int i;

  for(i = 0; i < n_clients; i++) {
    struct mwLoginInfo *li;

    if(!clients[i]->started) continue;
    li = mwSession_getLoginInfo(clients[i]->session);
    if(li && g_strcmp0(li->user_id, user_id) == 0) return clients[i]->user;
  }
  return user_id ? user_id : "";
}

static gint compare_strings(gconstpointer a, gconstpointer b) {
  return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* "alice,bob": the sorted labels of a list of user IDs (g_free it) */
static char *sorted_labels(GPtrArray *ids) {
  GString *out = g_string_new("");
  GPtrArray *labels = g_ptr_array_new();
  guint i;

  for(i = 0; i < ids->len; i++)
    g_ptr_array_add(labels, (gpointer) label_of(g_ptr_array_index(ids, i)));
  g_ptr_array_sort(labels, compare_strings);
  for(i = 0; i < labels->len; i++)
    g_string_append_printf(out, "%s%s", i ? "," : "",
                           (const char *) g_ptr_array_index(labels, i));
  g_ptr_array_free(labels, TRUE);
  return g_string_free(out, FALSE);
}

/* conference members (struct mwLoginInfo) as sorted labels */
static char *conf_member_labels(GList *members) {
  GPtrArray *ids = g_ptr_array_new();
  char *out;

  for(; members; members = members->next)
    g_ptr_array_add(ids, ((struct mwLoginInfo *) members->data)->user_id);
  out = sorted_labels(ids);
  g_ptr_array_free(ids, TRUE);
  return out;
}

/* place members as sorted labels */
static char *place_member_labels(struct mwPlace *place) {
  GList *members = mwPlace_getMembers(place), *l;
  GPtrArray *ids = g_ptr_array_new();
  char *out;

  for(l = members; l; l = l->next)
    g_ptr_array_add(ids, ((struct mwIdBlock *) l->data)->user);
  out = sorted_labels(ids);
  g_ptr_array_free(ids, TRUE);
  g_list_free(members);
  return out;
}

static struct client *conf_client(struct mwConference *conf) {
  struct mwService *srvc = MW_SERVICE(mwConference_getService(conf));
  return session_client(mwService_getSession(srvc));
}

static void conf_on_invited(struct mwConference *conf,
                            struct mwLoginInfo *inviter, const char *text) {
  struct client *c = conf_client(conf);
  char *shown = shown_text(text);

  event(c->user, "conference-invited name=%s title=%s inviter=%s "
        "inviter_login_id=%s text=\"%s\"", mwConference_getName(conf),
        mwConference_getTitle(conf),
        inviter && inviter->user_id ? inviter->user_id : "",
        inviter && inviter->login_id ? inviter->login_id : "", shown);
  g_free(shown);
  /* without a hook the invitation stays unanswered, like an open
     invitation dialog in Pidgin; the logout withdraws it */
  if(c->hooks->conf_invited) c->hooks->conf_invited(c, conf, inviter, text);
}

static void conf_on_opened(struct mwConference *conf, GList *members) {
  struct client *c = conf_client(conf);
  char *labels = conf_member_labels(members);

  event(c->user, "conference-opened name=%s title=%s count=%u members=%s",
        mwConference_getName(conf), mwConference_getTitle(conf),
        g_list_length(members), labels);
  g_free(labels);
  if(c->hooks->conf_opened) c->hooks->conf_opened(c, conf, members);
}

/* Only when the server destroys the channel (our own leave is silent);
   Meanwhile frees the conference right after. */
static void conf_on_closed(struct mwConference *conf, guint32 reason) {
  struct client *c = conf_client(conf);
  char *why = reason_text(reason);

  event(c->user, "conference-closed name=%s reason=%s",
        mwConference_getName(conf), why);
  g_free(why);
  if(c->hooks->conf_closed) c->hooks->conf_closed(c, conf, reason);
  if(c->chat_conf == conf) c->chat_conf = NULL;
}

static void conf_on_joined(struct mwConference *conf, struct mwLoginInfo *who) {
  struct client *c = conf_client(conf);

  event(c->user, "conference-peer-joined user=%s login_id=%s",
        who->user_id ? who->user_id : "", who->login_id ? who->login_id : "");
  if(c->hooks->conf_joined) c->hooks->conf_joined(c, conf, who);
}

static void conf_on_parted(struct mwConference *conf, struct mwLoginInfo *who) {
  struct client *c = conf_client(conf);

  event(c->user, "conference-peer-parted user=%s login_id=%s",
        who->user_id ? who->user_id : "", who->login_id ? who->login_id : "");
  if(c->hooks->conf_parted) c->hooks->conf_parted(c, conf, who);
}

static void conf_on_text(struct mwConference *conf, struct mwLoginInfo *who,
                         const char *what) {
  struct client *c = conf_client(conf);
  char *shown = shown_text(what);

  event(c->user, "conference-text from=%s text=\"%s\"",
        who->user_id ? who->user_id : "", shown);
  g_free(shown);
  if(c->hooks->conf_text) c->hooks->conf_text(c, conf, who, what);
}

static void conf_on_typing(struct mwConference *conf, struct mwLoginInfo *who,
                           gboolean typing) {
  event(conf_client(conf)->user, "conference-typing from=%s typing=%s",
        who->user_id ? who->user_id : "", typing ? "true" : "false");
}

static struct mwConferenceHandler conf_handler = {
  .on_invited = conf_on_invited,
  .conf_opened = conf_on_opened,
  .conf_closed = conf_on_closed,
  .on_peer_joined = conf_on_joined,
  .on_peer_parted = conf_on_parted,
  .on_text = conf_on_text,
  .on_typing = conf_on_typing,
};

static struct client *place_client(struct mwPlace *place) {
  struct mwService *srvc = MW_SERVICE(mwPlace_getService(place));
  return session_client(mwService_getSession(srvc));
}

/* The cipher the server chose for the place's channel: -1 for none (or
   channel unknown), else the cipher type. */
static int place_cipher(struct client *c, struct mwPlace *place) {
  struct mwChannelSet *cs = mwSession_getChannels(c->session);
  GSList *l;

  for(l = c->place_channels; l; l = l->next) {
    struct mwChannel *chan = mwChannel_find(cs, GPOINTER_TO_UINT(l->data));
    struct mwCipherInstance *ci;

    if(!chan || mwChannel_getServiceData(chan) != place) continue;
    ci = mwChannel_getCipherInstance(chan);
    return ci ? (int) mwCipher_getType(mwCipherInstance_getCipher(ci)) : -1;
  }
  return -1;
}

static const char *cipher_name(int type);

static void place_on_opened(struct mwPlace *place) {
  struct client *c = place_client(place);
  char *labels = place_member_labels(place);

  event(c->user, "place-opened name=%s title=%s members=%s cipher=%s",
        mwPlace_getName(place), mwPlace_getTitle(place), labels,
        cipher_name(place_cipher(c, place)));
  g_free(labels);
  if(c->hooks->place_opened) c->hooks->place_opened(c, place);
}

/* Only when the server destroys the channel; Meanwhile frees the place
   right after. */
static void place_on_closed(struct mwPlace *place, guint32 reason) {
  struct client *c = place_client(place);
  char *why = reason_text(reason);

  event(c->user, "place-closed name=%s reason=%s", mwPlace_getName(place),
        why);
  g_free(why);
  if(c->hooks->place_closed) c->hooks->place_closed(c, place, reason);
  if(c->chat_place == place) c->chat_place = NULL;
}

static void place_on_joined(struct mwPlace *place,
                            const struct mwIdBlock *who) {
  struct client *c = place_client(place);

  event(c->user, "place-peer-joined user=%s", who->user ? who->user : "");
  if(c->hooks->place_joined) c->hooks->place_joined(c, place, who);
}

static void place_on_parted(struct mwPlace *place,
                            const struct mwIdBlock *who) {
  struct client *c = place_client(place);

  event(c->user, "place-peer-parted user=%s", who->user ? who->user : "");
  if(c->hooks->place_parted) c->hooks->place_parted(c, place, who);
}

static void place_on_attribute(struct mwPlace *place,
                               const struct mwIdBlock *who, guint32 attr,
                               struct mwOpaque *o) {
  event(place_client(place)->user, "place-peer-attribute user=%s key=0x%x "
        "length=%zu", who->user ? who->user : "", attr, o ? o->len : 0);
}

static void place_on_unset_attribute(struct mwPlace *place,
                                     const struct mwIdBlock *who,
                                     guint32 attr) {
  event(place_client(place)->user, "place-peer-attribute-cleared user=%s "
        "key=0x%x", who->user ? who->user : "", attr);
}

static void place_on_message(struct mwPlace *place,
                             const struct mwIdBlock *who, const char *msg) {
  struct client *c = place_client(place);
  char *shown = shown_text(msg);

  event(c->user, "place-text from=%s text=\"%s\"", who->user ? who->user : "",
        shown);
  g_free(shown);
  if(c->hooks->place_text) c->hooks->place_text(c, place, who, msg);
}

static struct mwPlaceHandler place_handler = {
  .opened = place_on_opened,
  .closed = place_on_closed,
  .peerJoined = place_on_joined,
  .peerParted = place_on_parted,
  .peerSetAttribute = place_on_attribute,
  .peerUnsetAttribute = place_on_unset_attribute,
  .message = place_on_message,
};

/* --- client lifecycle ------------------------------------------------- */

/* Set the session up the way Pidgin's Sametime plugin does: both
   ciphers, IM with the NotesBuddy feature set, the awareness, resolve
   and storage services whose channels Pidgin opens at login, and the
   conference and place services (no channel until used). */
static struct client *client_new_as(const char *label, const char *login,
                                    const char *pass,
                                    const struct hooks *hooks) {
  struct client *c = g_new0(struct client, 1);
  struct mwSession *s;

  c->user = label;
  c->login = login;
  c->pass = pass;
  c->hooks = hooks;
  c->fd = -1;

  s = c->session = mwSession_new(&session_handler);
  mwSession_setClientData(s, c, NULL);
  mwSession_setProperty(s, mwSession_AUTH_USER_ID, g_strdup(login), g_free);
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
  c->conf = mwServiceConference_new(s, &conf_handler);
  mwSession_addService(s, MW_SERVICE(c->conf));
  c->place = mwServicePlace_new(s, &place_handler);
  mwSession_addService(s, MW_SERVICE(c->place));

  clients[n_clients++] = c;
  return c;
}

/* The usual client: labelled with the user ID it logs in with. */
static struct client *client_new(const char *user, const char *pass,
                                 const struct hooks *hooks) {
  return client_new_as(user, user, pass, hooks);
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
  free_service(s, MW_SERVICE(c->conf));
  free_service(s, MW_SERVICE(c->place));

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
  g_slist_free(c->place_channels);
  g_free(c->barrier_id);
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
  const char *text_1;                /* im: USER1's text (TEXT or TEXT_1) */
  gboolean want_rc2_128;             /* im with TEXT: RC2/128 at both ends */
  int cipher_a;
  gboolean opened_a, opened_b, typing_seen, text_seen, reply_seen;
  gboolean peer_gone_seen;
  gboolean logging_out;              /* final logout phase */

  const char *want_user_id;          /* token: the user the token is for */
  gboolean guest;                    /* guest: LOGIN with an empty user ID */
  const char *refused_because;       /* badlogin, guest-refused */

  int phase;                         /* presence, denied */
  gboolean away_sent;                /* presence */
  struct client *blocker;            /* denied: the USER login whose list
                                        blocks WATCHER */
  struct client *c;                  /* denied-stored: USER's 2nd login */
  struct client *user_now;           /* denied: the USER login acting */
  char *late_verdict;                /* a failure judged once all is
                                        cleaned up (denied-stored) */
  gboolean stored;                   /* denied-stored */

  const char *existing, *missing;    /* resolve */

  int step;                          /* storage */
  struct mwOpaque expected;          /* storage: the bytes last saved */
  struct mwOpaque original_list;     /* storage: key 0 before the run */
  gboolean had_original_list;

  const char *offline;               /* conference: the user not logged in */
  char *conf_name;                   /* conference: as USER1 created it */
  gboolean chat_started;             /* conference, place: first step run */
} S;

static const char *const TEXT_1 = "hello bob <b>1</b>";
static const char *const TEXT_2 = "hi alice 2";

static void pass_when_all_closed(struct client *c) {
  (void) c;
  if(!all_closed()) return;
  if(S.ok && S.late_verdict) finish(FALSE, "%s", S.late_verdict);
  else if(S.ok) finish(TRUE, NULL);
  else finish(FALSE, "connection closed before the scenario completed "
              "(waiting for %s)", waiting_for ? waiting_for : "?");
}

/* --- login / rc2-40-login --------------------------------------------- */

static void login_started(struct client *c) {
  struct mwLoginInfo *li = mwSession_getLoginInfo(c->session);
  const char *user_id = li->user_id ? li->user_id : "";
  const char *login_id = li->login_id ? li->login_id : "";

  if(S.want_user_id && strcmp(user_id, S.want_user_id) != 0) {
    finish(FALSE, "token login gave user_id '%s', expected '%s'", user_id,
           S.want_user_id);
    return;
  }
  if(S.guest) {
    /* a guest is known by its login ID only (hub-api LoginDecision.Guest) */
    if(!*user_id || strcmp(user_id, login_id) != 0) {
      finish(FALSE, "guest login gave user_id '%s', expected it to equal "
             "login_id '%s'", user_id, login_id);
      return;
    }
    event(c->user, "guest-logged-in user_id=login_id=%s user_name=%s",
          user_id, li->user_name ? li->user_name : "");
    /* a guest types the name it wants to be shown with as its password */
    if(g_strcmp0(li->user_name, c->pass) != 0) {
      finish(FALSE, "guest login gave user_name '%s', expected the name "
             "typed as password, '%s'", li->user_name ? li->user_name : "",
             c->pass);
      return;
    }
  }
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
  finish(FALSE, "%s logged in although %s", c->user, S.refused_because);
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
  send_text(c, S.out_conv, S.text_1);
  expect("%s to receive the typing notice and \"%s\"", S.b->user, S.text_1);
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
    if(S.want_rc2_128 && S.cipher_a != mwCipher_RC2_128) {
      finish(FALSE, "conversation %s -> %s opened with %s, expected RC2/128",
             c->user, S.b->user, cipher_name(S.cipher_a));
      return;
    }
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
    if(S.want_rc2_128 && cipher != mwCipher_RC2_128)
      finish(FALSE, "incoming conversation at %s opened with %s, expected "
             "RC2/128", c->user, cipher_name(cipher));
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
    if(!received_exactly(c, text, S.text_1)) return;
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

/* --- shared by presence and denied ------------------------------------- */

static const char *const AWAY_TEXT = "lunch";

static gboolean is_snapshot_of(const struct mwAwareSnapshot *snap,
                               const struct client *who) {
  return snap->id.type == mwAware_USER &&
         g_strcmp0(snap->id.user, who->login) == 0;
}

/* What Pidgin does on a status change (mw_prpl_set_status). */
static void set_status(struct client *c, guint16 status, const char *desc) {
  struct mwUserStatus st = { status, 0, (char *) desc };
  int rc = mwSession_setUserStatus(c->session, &st);

  event(c->user, "status-set status=0x%04x (%s) desc=\"%s\" rc=%d", status,
        status_name(status), desc ? desc : "", rc);
  if(rc) finish(FALSE, "%s could not send its status", c->user);
}

static void connect_client(struct client *c) {
  client_connect(c);
}

/* --- presence ---------------------------------------------------------- */

/* S.a = WATCHER, S.b = USER; USER connects only once WATCHER has seen it
   offline, so every transition is caused by the scenario itself. */
enum {
  PRESENCE_WAIT_OFFLINE,     /* WATCHER's first snapshot of USER */
  PRESENCE_WAIT_ONLINE,      /* USER is logging in */
  PRESENCE_WAIT_AWAY,        /* USER goes AWAY "lunch" */
  PRESENCE_WAIT_GONE,        /* USER is logging out */
  PRESENCE_DONE,
};

static void presence_go_away(struct client *user) {
  set_status(user, mwStatus_AWAY, AWAY_TEXT);
  expect("%s to see %s AWAY (0x0060) with \"%s\"", S.a->user, user->user,
         AWAY_TEXT);
}

/* USER goes away once its session is up and WATCHER has seen it online;
   either may happen first. */
static void presence_maybe_go_away(void) {
  if(S.phase != PRESENCE_WAIT_AWAY || !S.b->started || S.away_sent) return;
  S.away_sent = TRUE;
  later(presence_go_away, S.b);
}

static void presence_started(struct client *c) {
  if(c == S.a) {
    expect("%s's first snapshot of %s (offline)", c->user, S.b->user);
    aware_add(c, S.b->login);
  } else {
    presence_maybe_go_away();
  }
}

static void presence_aware(struct client *c,
                           const struct mwAwareSnapshot *snap) {
  const char *desc = snap->status.desc ? snap->status.desc : "";

  if(c != S.a || !is_snapshot_of(snap, S.b)) return;

  switch(S.phase) {
  case PRESENCE_WAIT_OFFLINE:
    if(snap->online) {
      finish(FALSE, "%s's first snapshot shows %s online before the "
             "scenario logged %s in (logged in elsewhere?)", c->user,
             S.b->user, S.b->user);
      return;
    }
    S.phase = PRESENCE_WAIT_ONLINE;
    expect("%s to see %s come online", c->user, S.b->user);
    later(connect_client, S.b);
    break;

  case PRESENCE_WAIT_ONLINE:
    if(!snap->online) return;   /* a repeated offline report changes nothing */
    if(snap->status.status != mwStatus_ACTIVE) {
      finish(FALSE, "%s sees %s online with status 0x%04x, expected ACTIVE "
             "(0x0020) right after the login", c->user, S.b->user,
             snap->status.status);
      return;
    }
    S.phase = PRESENCE_WAIT_AWAY;
    presence_maybe_go_away();
    break;

  case PRESENCE_WAIT_AWAY:
    if(!snap->online) {
      finish(FALSE, "%s sees %s offline while waiting for its AWAY status",
             c->user, S.b->user);
    } else if(snap->status.status == mwStatus_AWAY &&
              strcmp(desc, AWAY_TEXT) == 0) {
      S.phase = PRESENCE_WAIT_GONE;
      expect("%s to see %s go offline after its logout", c->user, S.b->user);
      later(client_logout, S.b);
    } else if(snap->status.status != mwStatus_ACTIVE) {
      /* ACTIVE may be reported again: USER announced it at login, before
         going away; anything else is wrong */
      finish(FALSE, "%s sees %s with status 0x%04x \"%s\", expected AWAY "
             "(0x0060) \"%s\"", c->user, S.b->user, snap->status.status,
             desc, AWAY_TEXT);
    }
    break;

  case PRESENCE_WAIT_GONE:
    if(snap->online) return;    /* a repeated AWAY report */
    S.phase = PRESENCE_DONE;
    S.ok = TRUE;
    expect("%s to log out", c->user);
    later(client_logout, c);
    break;

  default:
    break;
  }
}

static const struct hooks presence_hooks = {
  .started = presence_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
  .aware = presence_aware,
};

/* --- denied ------------------------------------------------------------ */

/* S.a = WATCHER, S.b = USER whose privacy list blocks WATCHER.

   "WATCHER gets no update" is made observable without sleeping by two
   round trips through the awareness service, after USER's status
   change:
     1. USER sends SET_USER_STATUS, then an AWARE_ADD of an ID new to its
        list (itself) and waits for that snapshot.  The hub handles a
        connection's frames in order and reports the status change to the
        awareness service (CommunityListener.statusChanged) before it
        reads the next frame, so once USER's snapshot is back the service
        has been told of the change and has sent whatever update it was
        going to send WATCHER.
     2. Only then WATCHER sends an AWARE_ADD of an ID new to its list
        (itself) and waits for that snapshot.  The service answers it
        after having handled the status change (1), and a connection's
        frames leave in the order they were sent, so an update about USER
        would reach WATCHER before this snapshot.
   The snapshot arriving with no update about USER before it therefore
   proves the hub hid the change.  This assumes the awareness service
   handles events and requests in the order the hub delivers them (what
   the hub's threading contract gives a service that does not defer its
   fan-out to an unordered pool). */
enum {
  DENIED_USER_BLOCKS,        /* USER sets the list; round trip */
  DENIED_WAIT_SNAPSHOT,      /* WATCHER's first snapshot: must be offline */
  DENIED_WAIT_STORED_LIST,   /* denied-stored: USER's 2nd login gets it */
  DENIED_STATUS_CHANGE,      /* USER changes status; round trips 1 and 2 */
  DENIED_WAIT_IM_REFUSAL,    /* WATCHER writes to USER: must be refused */
  DENIED_WAIT_UNBLOCKED,     /* USER lifts the block: WATCHER sees it */
  DENIED_DONE,
};

/* USER's privacy list: "block these" with WATCHER, or Pidgin's "allow
   all" (deny, nobody listed: the hub's default too, spec §1.2.2). */
static void set_privacy(struct client *user, gboolean block) {
  struct mwUserItem watcher = { FALSE, (char *) S.a->login, NULL, NULL };
  struct mwPrivacyInfo p = { TRUE, block ? 1 : 0, block ? &watcher : NULL };
  int rc = mwSession_setPrivacyInfo(user->session, &p);

  S.blocker = block ? user : NULL;
  event(user->user, "privacy-list-set deny=true users=%s rc=%d",
        block ? S.a->login : "", rc);
  if(rc) finish(FALSE, "%s could not send its privacy list", user->user);
}

static void denied_connect_watcher(struct client *user) {
  (void) user;
  S.phase = DENIED_WAIT_SNAPSHOT;
  client_connect(S.a);
}

static void denied_try_im(struct client *watcher) {
  struct mwIdBlock idb = { (char *) S.b->login, NULL };

  event(watcher->user, "no-update-seen about=%s (both round trips after its "
        "status change are back)", S.b->user);
  S.phase = DENIED_WAIT_IM_REFUSAL;
  S.out_conv = mwServiceIm_getConversation(watcher->im, &idb);
  event(watcher->user, "opening-conversation to=%s", S.b->user);
  expect("the hub to refuse %s's conversation to %s with 0x80000003 "
         "(ERR_NOT_AUTHORIZED)", watcher->user, S.b->user);
  mwConversation_open(S.out_conv);
}

static void denied_watcher_round_trip(struct client *user) {
  (void) user;
  aware_barrier(S.a, S.a->login, denied_try_im);
}

static void denied_change_status(struct client *user) {
  set_status(user, mwStatus_AWAY, AWAY_TEXT);
  aware_barrier(user, user->login, denied_watcher_round_trip);
}

static void denied_unblock(struct client *user) {
  S.phase = DENIED_WAIT_UNBLOCKED;
  set_privacy(user, FALSE);
  if(S.late_verdict) {
    /* the run has failed already: the block is lifted, that is enough */
    S.ok = TRUE;
    expect("both sessions to log out");
    later(logout_all, user);
    return;
  }
  expect("%s to see %s online once %s's privacy list no longer blocks it "
         "(spec §6.2.1)", S.a->user, user->user, user->user);
}

static void denied_started(struct client *c) {
  if(c == S.b) {
    /* The round trip proves the hub has the list before WATCHER comes. */
    set_privacy(c, TRUE);
    aware_barrier(c, S.a->login, denied_connect_watcher);
  } else {
    expect("%s's first snapshot of %s (must be offline)", c->user,
           S.b->user);
    aware_add(c, S.b->login);
  }
}

static void denied_aware(struct client *c, const struct mwAwareSnapshot *snap) {
  if(c != S.a || !is_snapshot_of(snap, S.b)) return;

  if(S.phase == DENIED_WAIT_UNBLOCKED) {
    if(!snap->online) return;
    S.phase = DENIED_DONE;
    S.ok = TRUE;
    expect("both sessions to log out");
    later(logout_all, c);
    return;
  }
  if(snap->online && S.phase == DENIED_WAIT_STORED_LIST) {
    /* The verdict waits: USER's second login may not even be up yet, and
       only it can lift the stored block again (denied_cleanup). */
    if(!S.late_verdict)
      S.late_verdict = g_strdup_printf("%s saw %s online (status 0x%04x) at "
          "%s's second login, although the privacy list %s stored in its "
          "first login blocks %s: the stored list must hide %s from the "
          "start (spec §6.2.1, §8.2 #7)", c->user, S.b->user,
          snap->status.status, S.b->user, S.b->user, c->user, S.b->user);
    event(c->user, "privacy-leak about=%s (judged at the end, after the "
          "block is lifted)", S.b->user);
    return;
  }
  if(snap->online) {
    finish(FALSE, "%s sees %s online (status 0x%04x) although %s's privacy "
           "list blocks %s (spec §6.2.1: must look offline)", c->user,
           S.b->user, snap->status.status, S.b->user, c->user);
    return;
  }
  if(S.phase == DENIED_WAIT_SNAPSHOT && S.stored) {
    /* USER's first login set the list and left; now its second comes */
    S.phase = DENIED_WAIT_STORED_LIST;
    later(connect_client, S.c);
  } else if(S.phase == DENIED_WAIT_SNAPSHOT) {
    S.phase = DENIED_STATUS_CHANGE;
    later(denied_change_status, S.user_now);
  }
  /* later offline reports reveal nothing; they are printed, not judged */
}

static void denied_conv_opened(struct client *c, struct mwConversation *conv) {
  (void) conv;
  finish(FALSE, "a conversation %s -> %s opened (seen at %s) although %s's "
         "privacy list blocks %s", S.a->user, S.b->user, c->user, S.b->user,
         S.a->user);
}

static void denied_conv_closed(struct client *c, struct mwConversation *conv,
                               guint32 reason) {
  char *why;

  if(c->logging_out || S.logging_out) return;
  why = reason_text(reason);
  if(c != S.a || conv != S.out_conv || S.phase != DENIED_WAIT_IM_REFUSAL) {
    finish(FALSE, "unexpected conversation close at %s, reason %s", c->user,
           why);
  } else if(reason != ERR_NOT_AUTHORIZED) {
    finish(FALSE, "conversation %s -> %s refused with %s, expected "
           "0x80000003 (ERR_NOT_AUTHORIZED)", c->user, S.b->user, why);
  } else {
    event(c->user, "im-refused to=%s reason=%s", S.b->user, why);
    later(denied_unblock, S.user_now);
  }
  g_free(why);
}

static const struct hooks denied_hooks = {
  .started = denied_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
  .conv_opened = denied_conv_opened,
  .conv_closed = denied_conv_closed,
  .aware = denied_aware,
};

/* --- denied-stored ------------------------------------------------------ */

/* As denied, but the list comes from the server: USER's first login (S.b)
   sets it and logs out; WATCHER logs in and subscribes; USER's second
   login (S.c) sets nothing.  The hub must send it the stored list
   (SET_PRIVACY_LIST, spec §3.12, §8.2 #7) and must hide USER from
   WATCHER from the moment it logs in: an online report about USER at
   any point before the block is lifted fails the run.  Then the steps
   of denied follow, done by the second login. */
static void stored_first_login_done(struct client *user) {
  expect("%s's first login to end", user->user);
  client_logout(user);
}

static void stored_started(struct client *c) {
  if(c == S.b) {
    set_privacy(c, TRUE);
    aware_barrier(c, S.a->login, stored_first_login_done);
  } else if(c == S.a) {
    expect("%s's first snapshot of %s (must be offline)", c->user,
           S.b->user);
    aware_add(c, S.b->login);
  } else {
    /* from now on a failed run lifts the block through this login */
    S.blocker = c;
    expect("%s to receive its stored privacy list (SET_PRIVACY_LIST "
           "blocking %s)", c->user, S.a->user);
  }
}

static void stored_closed(struct client *c) {
  if(c == S.b && S.phase == DENIED_USER_BLOCKS) {
    S.blocker = NULL;               /* nobody logged in can lift it now */
    S.phase = DENIED_WAIT_SNAPSHOT;
    later(connect_client, S.a);
    return;
  }
  pass_when_all_closed(c);
}

static gboolean list_blocks(const struct mwPrivacyInfo *list, const char *id) {
  guint32 i;

  if(!list->deny) return FALSE;
  for(i = 0; i < list->count; i++)
    if(g_strcmp0(list->users[i].id, id) == 0) return TRUE;
  return FALSE;
}

static void stored_privacy(struct client *c, const struct mwPrivacyInfo *list) {
  if(c != S.c || S.phase != DENIED_WAIT_STORED_LIST) return;
  if(!list_blocks(list, S.a->login)) {
    finish(FALSE, "%s's second login got a privacy list that does not block "
           "%s, although its first login stored one that does", c->user,
           S.a->user);
    return;
  }
  S.blocker = c;
  S.user_now = c;
  S.phase = DENIED_STATUS_CHANGE;
  later(denied_change_status, c);
}

static const struct hooks denied_stored_hooks = {
  .started = stored_started,
  .stopped = fail_on_unexpected_stop,
  .closed = stored_closed,
  .conv_opened = denied_conv_opened,
  .conv_closed = denied_conv_closed,
  .aware = denied_aware,
  .privacy = stored_privacy,
};

/* A failed run must not leave USER blocking WATCHER: the hub keeps
   privacy lists, and other tests use the same users.  The hub handles
   the list before the logout that follows it (frames in order). */
static void denied_cleanup(void) {
  struct client *user = S.blocker;

  if(user && user->started && session_active(user) && !user->closed)
    set_privacy(user, FALSE);
}

/* --- storage ----------------------------------------------------------- */

/* A key no test saves: its load must fail (spec §6.6, §10 row 12). */
#define KEY_NEVER_SAVED 0x7ffffff0u

enum {
  STORAGE_LOAD_MISSING,      /* never saved: non-zero result */
  STORAGE_LOAD_ORIGINAL,     /* key 0 as it was, to put it back at the end */
  STORAGE_SAVE_STRING,       /* key 0x64 = a str unique to this run */
  STORAGE_LOAD_STRING,       /* ... and back, byte for byte */
  STORAGE_SAVE_LIST,         /* key 0 = a Sametime buddy list (§1.4) */
  STORAGE_LOAD_LIST,         /* ... and back, byte for byte */
  STORAGE_RESTORE,           /* key 0 = what it was (if it was) */
  STORAGE_DONE,
};

static void storage_step(struct client *c);

static void set_expected(const struct mwOpaque *o) {
  mwOpaque_clear(&S.expected);
  mwOpaque_clone(&S.expected, o);
}

static gboolean same_bytes(const struct mwOpaque *a, const struct mwOpaque *b) {
  return a->len == b->len && (a->len == 0 || !memcmp(a->data, b->data, a->len));
}

/* A stored value as one line of text for an EVENT (g_free it): the text
   of a str (u16 length + bytes, how Meanwhile stores strings and lists),
   anything else byte by byte with the non-printable ones as \xNN. */
static char *shown_bytes(const struct mwOpaque *o) {
  const guchar *p = o->data;
  gsize len = o->len, i;
  GString *out = g_string_new("");

  if(len >= 2 && get16(p) == len - 2) {
    p += 2;
    len -= 2;
  } else {
    g_string_append(out, "(not a str) ");
  }
  for(i = 0; i < len; i++) {
    if(p[i] == '\\' || p[i] == '"') g_string_append_printf(out, "\\%c", p[i]);
    else if(p[i] == '\r') g_string_append(out, "\\r");
    else if(p[i] == '\n') g_string_append(out, "\\n");
    else if(p[i] >= 0x20 && p[i] < 0x7f) g_string_append_c(out, (char) p[i]);
    else g_string_append_printf(out, "\\x%02x", p[i]);
  }
  return g_string_free(out, FALSE);
}

/* The buddy list this run saves, written by Meanwhile's own writer as
   Pidgin's blist_store does: a str holding the list text.  The alias of
   the second user is unique to the run, so that a repeated run proves
   the overwrite. */
static void build_list(struct mwOpaque *out, char **text) {
  struct mwSametimeList *list = mwSametimeList_new();
  struct mwSametimeGroup *group;
  struct mwSametimeUser *user;
  struct mwIdBlock bob = { "bob", NULL }, carol = { "carol", NULL };
  struct mwPutBuffer *b;
  char *alias = g_strdup_printf("run%" G_GINT64_FORMAT "x%d",
                                g_get_real_time(), (int) getpid());

  group = mwSametimeGroup_new(list, mwSametimeGroup_NORMAL, "Friends");
  mwSametimeGroup_setAlias(group, "Friends");
  mwSametimeGroup_setOpen(group, TRUE);
  user = mwSametimeUser_new(group, mwSametimeUser_NORMAL, &bob);
  mwSametimeUser_setShortName(user, "Bob Builder");
  user = mwSametimeUser_new(group, mwSametimeUser_NORMAL, &carol);
  mwSametimeUser_setShortName(user, "Carol");
  mwSametimeUser_setAlias(user, alias);

  b = mwPutBuffer_new();
  mwSametimeList_put(b, list);
  mwPutBuffer_finalize(out, b);
  *text = mwSametimeList_store(list);
  mwSametimeList_free(list);
  g_free(alias);
}

static void storage_done(struct mwServiceStorage *srvc, guint32 result,
                         struct mwStorageUnit *item, gpointer data) {
  struct client *c = data;
  struct mwOpaque *got = mwStorageUnit_asOpaque(item);
  char *why = reason_text(result);
  gboolean load = S.step == STORAGE_LOAD_MISSING ||
                  S.step == STORAGE_LOAD_ORIGINAL ||
                  S.step == STORAGE_LOAD_STRING || S.step == STORAGE_LOAD_LIST;

  (void) srvc;
  if(finished) goto out;
  event(c->user, "storage-%s key=0x%08x result=%s length=%zu",
        load ? "loaded" : "saved", mwStorageUnit_getKey(item), why,
        load ? got->len : (gsize) 0);

  if(S.step == STORAGE_LOAD_MISSING) {
    if(result == ERR_SUCCESS) {
      finish(FALSE, "loading key 0x%08x, which nobody saved, succeeded "
             "(%zu bytes): a missing key must give a non-zero result, or "
             "Pidgin takes an empty list for the server copy (spec §6.6)",
             KEY_NEVER_SAVED, got->len);
      goto out;
    }
  } else if(S.step == STORAGE_LOAD_ORIGINAL) {
    /* either answer is fine: a user who never saved a list gets a
       non-zero result */
    S.had_original_list = result == ERR_SUCCESS;
    if(S.had_original_list) mwOpaque_clone(&S.original_list, got);
  } else if(result != ERR_SUCCESS) {
    finish(FALSE, "storage %s of key 0x%08x failed with %s",
           load ? "load" : "save", mwStorageUnit_getKey(item), why);
    goto out;
  } else if(load && !same_bytes(got, &S.expected)) {
    char *want = shown_bytes(&S.expected), *have = shown_bytes(got);
    finish(FALSE, "key 0x%08x came back as %zu bytes \"%s\", saved %zu "
           "bytes \"%s\"", mwStorageUnit_getKey(item), got->len, have,
           S.expected.len, want);
    g_free(want);
    g_free(have);
    goto out;
  } else if(load) {
    char *shown = shown_bytes(got);
    event(c->user, "storage-round-trip key=0x%08x bytes=%zu value=\"%s\"",
          mwStorageUnit_getKey(item), got->len, shown);
    g_free(shown);
  }

  S.step++;
  if(S.step == STORAGE_RESTORE && !S.had_original_list) S.step++;
  later(storage_step, c);
out:
  g_free(why);
}

static void storage_load(struct client *c, guint32 key) {
  event(c->user, "storage-load key=0x%08x", key);
  expect("the answer to %s's load of key 0x%08x", c->user, key);
  mwServiceStorage_load(c->storage, mwStorageUnit_new(key), storage_done, c,
                        NULL);
}

/* Takes UNIT (Meanwhile frees it with the request). */
static void storage_save(struct client *c, struct mwStorageUnit *unit,
                         const char *what) {
  set_expected(mwStorageUnit_asOpaque(unit));
  event(c->user, "storage-save key=0x%08x bytes=%zu value=\"%s\"",
        mwStorageUnit_getKey(unit), S.expected.len, what);
  expect("the answer to %s's save of key 0x%08x", c->user,
         mwStorageUnit_getKey(unit));
  mwServiceStorage_save(c->storage, unit, storage_done, c, NULL);
}

static void storage_step(struct client *c) {
  switch(S.step) {
  case STORAGE_LOAD_MISSING:
    storage_load(c, KEY_NEVER_SAVED);
    break;
  case STORAGE_LOAD_ORIGINAL:
    storage_load(c, mwStore_AWARE_LIST);
    break;
  case STORAGE_SAVE_STRING: {
    char *value = g_strdup_printf("openst interop %" G_GINT64_FORMAT " %d",
                                  g_get_real_time(), (int) getpid());
    storage_save(c, mwStorageUnit_newString(mwStore_ACTIVE_MESSAGES, value),
                 value);
    g_free(value);
    break;
  }
  case STORAGE_LOAD_STRING:
    storage_load(c, mwStore_ACTIVE_MESSAGES);
    break;
  case STORAGE_SAVE_LIST: {
    struct mwOpaque list = { 0, NULL };
    char *text, *shown;

    build_list(&list, &text);
    shown = g_strescape(text, NULL);
    storage_save(c, mwStorageUnit_newOpaque(mwStore_AWARE_LIST, &list), shown);
    g_free(shown);
    g_free(text);
    mwOpaque_clear(&list);
    break;
  }
  case STORAGE_LOAD_LIST:
    storage_load(c, mwStore_AWARE_LIST);
    break;
  case STORAGE_RESTORE:
    storage_save(c, mwStorageUnit_newOpaque(mwStore_AWARE_LIST,
                                            &S.original_list),
                 "(the list the user had before this run)");
    break;
  default:
    S.ok = TRUE;
    client_logout(c);
    break;
  }
}

static const struct hooks storage_hooks = {
  .started = storage_step,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
};

/* --- save-at-close ------------------------------------------------------ */

/* Pidgin's logout as the hub sees it: SAVE key 0, the channel destroys,
   the channel-0 destroy, then close() at once, whatever the hub may
   still be sending (spec §8.2 #39-42).  With data from the hub unread
   in the client's socket the close resets the connection, and the hub
   must still handle everything that arrived before the reset.

   S.a = USER's first login: opens its storage channel (a load, round
   trip), stops reading, adds its own ID to its aware list and waits
   until the hub's snapshot is in the socket, unread; then saves key 0x64
   (a value unique to the run), logs out and closes at once.  S.b =
   USER's second login: must load exactly that value. */
static void save_then_close(struct client *a) {
  char *value = g_strdup_printf("saved at close %" G_GINT64_FORMAT " %d",
                                g_get_real_time(), (int) getpid());

  struct mwStorageUnit *unit =
      mwStorageUnit_newString(mwStore_ACTIVE_MESSAGES, value);

  /* like Pidgin's blist_store: no callback, the answer is never read */
  set_expected(mwStorageUnit_asOpaque(unit));
  event(a->user, "storage-save key=0x%08x value=\"%s\"",
        mwStore_ACTIVE_MESSAGES, value);
  mwServiceStorage_save(a->storage, unit, NULL, NULL, NULL);
  g_free(value);
  a->close_like_pidgin = TRUE;
  event(a->user, "closing-with-unread-data (as Pidgin does at logout)");
  expect("%s's connection to be gone", a->user);
  client_logout(a);
}

/* the hub's snapshot is waiting in the socket: leave it there */
static gboolean unread_data_waiting(GIOChannel *io, GIOCondition cond,
                                    gpointer data) {
  struct client *a = data;

  (void) io;
  (void) cond;
  a->watch = 0;
  later(save_then_close, a);
  return G_SOURCE_REMOVE;
}

static void save_stop_reading(struct client *a) {
  g_source_remove(a->watch);
  a->watch = g_io_add_watch(a->io, G_IO_IN | G_IO_HUP | G_IO_ERR,
                            unread_data_waiting, a);
  expect("the hub's snapshot of %s to arrive (left unread)", a->user);
  aware_add(a, a->login);
}

static void save_first_loaded(struct mwServiceStorage *srvc, guint32 result,
                              struct mwStorageUnit *item, gpointer data) {
  (void) srvc;
  (void) result;
  (void) item;
  if(!finished) later(save_stop_reading, data);
}

static void save_check(struct mwServiceStorage *srvc, guint32 result,
                       struct mwStorageUnit *item, gpointer data) {
  struct client *b = data;
  struct mwOpaque *got = mwStorageUnit_asOpaque(item);
  char *want = shown_bytes(&S.expected), *have = shown_bytes(got);

  (void) srvc;
  if(finished) goto out;
  event(b->user, "storage-loaded key=0x%08x result=0x%08x value=\"%s\"",
        mwStorageUnit_getKey(item), result, have);
  if(result != ERR_SUCCESS || !same_bytes(got, &S.expected)) {
    finish(FALSE, "the SAVE %s sent right before its logout was lost: the "
           "next login loads \"%s\" (result 0x%08x), not \"%s\"; the hub "
           "must handle what a client sent before it reset the connection "
           "(Pidgin closes at once after its logout)", S.a->user, have,
           result, want);
    goto out;
  }
  S.ok = TRUE;
  later(client_logout, b);
out:
  g_free(want);
  g_free(have);
}

static void save_started(struct client *c) {
  if(c == S.a) {
    /* a round trip, so the storage channel is open for the SAVE */
    event(c->user, "storage-load key=0x%08x", mwStore_ACTIVE_MESSAGES);
    expect("the answer to %s's load of key 0x%08x", c->user,
           mwStore_ACTIVE_MESSAGES);
    mwServiceStorage_load(c->storage, mwStorageUnit_new(mwStore_ACTIVE_MESSAGES),
                          save_first_loaded, c, NULL);
  } else {
    event(c->user, "storage-load key=0x%08x", mwStore_ACTIVE_MESSAGES);
    expect("the answer to %s's load of key 0x%08x", c->user,
           mwStore_ACTIVE_MESSAGES);
    mwServiceStorage_load(c->storage, mwStorageUnit_new(mwStore_ACTIVE_MESSAGES),
                          save_check, c, NULL);
  }
}

static void save_closed(struct client *c) {
  if(c == S.a) {
    later(connect_client, S.b);
    return;
  }
  pass_when_all_closed(c);
}

static const struct hooks save_at_close_hooks = {
  .started = save_started,
  .stopped = fail_on_unexpected_stop,
  .closed = save_closed,
};

/* --- resolve ----------------------------------------------------------- */

static void print_resolve_answer(struct client *c, guint32 code,
                                 GList *results) {
  GList *r, *m;
  char *why = reason_text(code);

  event(c->user, "resolve-answer code=%s results=%u", why,
        g_list_length(results));
  g_free(why);
  for(r = results; r; r = r->next) {
    struct mwResolveResult *res = r->data;

    event(c->user, "resolve-result name=%s code=0x%08x matches=%u",
          res->name ? res->name : "", res->code, g_list_length(res->matches));
    for(m = res->matches; m; m = m->next) {
      struct mwResolveMatch *match = m->data;
      event(c->user, "resolve-match id=%s name=%s desc=%s type=0x%x",
            match->id ? match->id : "", match->name ? match->name : "",
            match->desc ? match->desc : "", match->type);
    }
  }
}

/* Pidgin's "add buddy" lookup: FIRST|USERS (0x0A), one query. */
static void resolve_query(struct client *c, const char *query,
                          mwResolveHandler handler) {
  GList *queries = g_list_prepend(NULL, (char *) query);
  guint32 id = mwServiceResolve_resolve(c->resolve, queries,
                                        mwResolveFlag_FIRST |
                                        mwResolveFlag_USERS, handler, c, NULL);

  g_list_free(queries);
  event(c->user, "resolve-sent query=%s flags=0x0a request=%u", query, id);
  if(id == SEARCH_ERROR) {
    finish(FALSE, "%s could not send the resolve request", c->user);
    return;
  }
  expect("the answer to %s's resolve request for '%s'", c->user, query);
}

static void resolve_missing_done(struct mwServiceResolve *srvc, guint32 id,
                                 guint32 code, GList *results, gpointer data) {
  struct client *c = data;
  struct mwResolveResult *res = results ? results->data : NULL;

  (void) srvc;
  (void) id;
  if(finished) return;
  print_resolve_answer(c, code, results);

  if(code != mwResolveCode_SUCCESS) {
    /* the spec leaves the "not found" code open (§10 row 11) */
    event(c->user, "resolve-not-found query=%s code=0x%08x", S.missing, code);
  } else if(g_list_length(results) != 1) {
    finish(FALSE, "resolving '%s' gave code 0 with %u results, expected one "
           "result per query (spec §6.5)", S.missing, g_list_length(results));
    return;
  } else if(res->matches) {
    finish(FALSE, "resolving '%s', which names nobody, gave %u matches",
           S.missing, g_list_length(res->matches));
    return;
  } else {
    event(c->user, "resolve-not-found query=%s code=0 matches=0", S.missing);
  }
  S.ok = TRUE;
  later(client_logout, c);
}

static void resolve_next(struct client *c) {
  resolve_query(c, S.missing, resolve_missing_done);
}

/* What Pidgin needs to add the buddy at once: code 0 and exactly one
   match whose id equals the query (add_buddy_resolved). */
static void resolve_existing_done(struct mwServiceResolve *srvc, guint32 id,
                                  guint32 code, GList *results,
                                  gpointer data) {
  struct client *c = data;
  struct mwResolveResult *res = results ? results->data : NULL;
  struct mwResolveMatch *match;

  (void) srvc;
  (void) id;
  if(finished) return;
  print_resolve_answer(c, code, results);

  if(code != mwResolveCode_SUCCESS || !res || results->next) {
    finish(FALSE, "resolving '%s' gave code 0x%08x with %u results, expected "
           "code 0 with one result", S.existing, code, g_list_length(results));
    return;
  }
  if(g_strcmp0(res->name, S.existing) != 0) {
    finish(FALSE, "the result for '%s' is named '%s', expected the query",
           S.existing, res->name ? res->name : "");
    return;
  }
  if(g_list_length(res->matches) != 1) {
    finish(FALSE, "resolving '%s' gave %u matches, expected exactly one "
           "(Pidgin would show a chooser)", S.existing,
           g_list_length(res->matches));
    return;
  }
  match = res->matches->data;
  if(g_strcmp0(match->id, S.existing) != 0) {
    finish(FALSE, "the match for '%s' has id '%s': Pidgin adds a buddy only "
           "when the id equals the query", S.existing,
           match->id ? match->id : "");
    return;
  }
  if(match->type != mwResolveMatch_USER) {
    finish(FALSE, "the match for '%s' has type 0x%x, expected 0x1 (user)",
           S.existing, match->type);
    return;
  }
  event(c->user, "resolved query=%s id=%s name=%s", S.existing, match->id,
        match->name ? match->name : "");
  later(resolve_next, c);
}

static void resolve_started(struct client *c) {
  resolve_query(c, S.existing, resolve_existing_done);
}

static const struct hooks resolve_hooks = {
  .started = resolve_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
};

/* --- shared by conference and place -------------------------------------- */

/* A step that waits for several events at once, in any order: one key
   per awaited event ("bob opened", "carol saw bob join", ...).  An event
   whose key is not awaited fails the run (a duplicate, a wrong sender,
   a text not sent byte for byte); when the last awaited key arrives the
   next step runs. */
static struct {
  GPtrArray *keys;                   /* char *, g_free'd */
  void (*then)(struct client *c);
  struct client *c;
} W;

static void awaits_begin(void (*then)(struct client *c), struct client *c) {
  if(!W.keys) W.keys = g_ptr_array_new_with_free_func(g_free);
  g_ptr_array_set_size(W.keys, 0);
  W.then = then;
  W.c = c;
}

static void awaits_add(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static void awaits_add(const char *fmt, ...) {
  va_list ap;

  va_start(ap, fmt);
  g_ptr_array_add(W.keys, g_strdup_vprintf(fmt, ap));
  va_end(ap);
}

/* "a; b; c": what the step still waits for (g_free it) */
static char *awaited_keys(void) {
  GString *out = g_string_new("");
  guint i;

  for(i = 0; W.keys && i < W.keys->len; i++)
    g_string_append_printf(out, "%s%s", i ? "; " : "",
                           (const char *) g_ptr_array_index(W.keys, i));
  return g_string_free(out, FALSE);
}

static void awaits_expect(void) {
  char *keys = awaited_keys();
  expect("%s", keys);
  g_free(keys);
}

/* Record an event; FALSE (and the run fails) if it was not awaited. */
static gboolean arrived(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static gboolean arrived(const char *fmt, ...) {
  va_list ap;
  char *key;
  guint i;

  va_start(ap, fmt);
  key = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  for(i = 0; W.keys && i < W.keys->len; i++) {
    if(strcmp(g_ptr_array_index(W.keys, i), key) != 0) continue;
    g_ptr_array_remove_index(W.keys, i);
    g_free(key);
    if(W.keys->len == 0) later(W.then, W.c);
    else awaits_expect();
    return TRUE;
  }
  {
    char *keys = awaited_keys();
    finish(FALSE, "unexpected: %s (waiting for: %s)", key,
           *keys ? keys : "nothing");
    g_free(keys);
  }
  g_free(key);
  return FALSE;
}

/* "alice,bob": the sorted labels of the first N scenario clients, the
   members a conference or place should have once the N-th is in */
static char *first_labels(int n) {
  GPtrArray *ids = g_ptr_array_new();
  char *out;
  int i;

  for(i = 0; i < n; i++)
    g_ptr_array_add(ids, mwSession_getLoginInfo(clients[i]->session)->user_id);
  out = sorted_labels(ids);
  g_ptr_array_free(ids, TRUE);
  return out;
}

static int client_index(struct client *c) {
  int i;
  for(i = 0; i < n_clients; i++)
    if(clients[i] == c) return i;
  return -1;
}

static gboolean all_started(void) {
  int i;
  for(i = 0; i < n_clients; i++)
    if(!clients[i]->started) return FALSE;
  return TRUE;
}

/* --- conference ------------------------------------------------------- */

/* Spec §6.3, three logins S.a, S.b, S.c (USER1..3), each step waiting for
   all of its events (W):
     1. USER1 creates a conference: opened with the creator alone.
     2. USER1 invites USER2: USER2 is invited by USER1 with the text, the
        conference's name and title; accepts; opened with USER1 and
        itself; USER1 sees it join.
     3. the same for USER3 (opened with all three; USER1 and USER2 see it
        join).
     4. each member sends a text: every text reaches all three members,
        the sender included (Pidgin shows only the server's copy).
     5. USER2 leaves as Pidgin does (destroy, reason 0, "Leaving"):
        USER1 and USER3 see it part.
     6. USER1 invites OFFLINE (not logged in) and then sends a text: the
        hub answers the invitation with its INVITE_FAILED extension
        (0x0005), which Meanwhile drops; the conference must stay open,
        which the text reaching USER1 and USER3 proves (the hub handles a
        connection's frames in order). */

static const char *const CONF_TITLE = "Interop Conference";
static const char *const CONF_INVITE_TEXT = "Please join the interop chat";

static void conf_send(struct client *c, const char *text) {
  int rc = mwConference_sendText(c->chat_conf, text);
  char *shown = shown_text(text);

  event(c->user, "conference-send text=\"%s\" rc=%d", shown, rc);
  g_free(shown);
  if(rc) finish(FALSE, "%s could not send \"%s\" to the conference", c->user,
                text);
}

static void conf_invite(struct client *a, const char *who) {
  struct mwIdBlock idb = { (char *) who, NULL };
  int rc = mwConference_invite(a->chat_conf, &idb, CONF_INVITE_TEXT);

  event(a->user, "conference-invite to=%s text=\"%s\" rc=%d", who,
        CONF_INVITE_TEXT, rc);
  if(rc) finish(FALSE, "%s could not invite %s", a->user, who);
}

static void conf_done(struct client *a) {
  S.ok = TRUE;
  expect("all sessions to log out");
  logout_all(a);
}

static void conf_invite_offline(struct client *a) {
  char *text = g_strdup_printf("still open after inviting %s \u2713",
                               S.offline);

  awaits_begin(conf_done, a);
  awaits_add("%s got \"%s\" from %s", S.a->user, text, a->user);
  awaits_add("%s got \"%s\" from %s", S.c->user, text, a->user);
  conf_invite(a, S.offline);
  conf_send(a, text);
  awaits_expect();
  g_free(text);
}

static void conf_leave(struct client *a) {
  struct client *b = S.b;
  int rc;

  awaits_begin(conf_invite_offline, a);
  awaits_add("%s saw %s leave", S.a->user, b->user);
  awaits_add("%s saw %s leave", S.c->user, b->user);
  /* Pidgin's leave (mw_prpl_chat_leave) */
  rc = mwConference_destroy(b->chat_conf, ERR_SUCCESS, "Leaving");
  b->chat_conf = NULL;
  event(b->user, "conference-leave reason=0 text=\"Leaving\" rc=%d", rc);
  if(rc) finish(FALSE, "%s could not leave the conference", b->user);
  awaits_expect();
}

static void conf_chat(struct client *a) {
  char *texts[3];
  int i, j;

  awaits_begin(conf_leave, a);
  for(i = 0; i < 3; i++) {
    texts[i] = g_strdup_printf("hello from %s, caf\u00e9 %d", clients[i]->user,
                               i + 1);
    for(j = 0; j < 3; j++)
      awaits_add("%s got \"%s\" from %s", clients[j]->user, texts[i],
                 clients[i]->user);
  }
  for(i = 0; i < 3 && !finished; i++) conf_send(clients[i], texts[i]);
  awaits_expect();
  for(i = 0; i < 3; i++) g_free(texts[i]);
}

static void conf_invite_next(struct client *a, struct client *invitee,
                             void (*then)(struct client *c)) {
  int i, n = client_index(invitee);

  awaits_begin(then, a);
  awaits_add("%s invited", invitee->user);
  awaits_add("%s opened", invitee->user);
  for(i = 0; i < n; i++)
    awaits_add("%s saw %s join", clients[i]->user, invitee->user);
  conf_invite(a, invitee->login);
  awaits_expect();
}

static void conf_invite_c(struct client *a) {
  conf_invite_next(a, S.c, conf_chat);
}

static void conf_invite_b(struct client *a) {
  conf_invite_next(a, S.b, conf_invite_c);
}

static void conf_create(struct client *a) {
  int rc;

  a->chat_conf = mwConference_new(a->conf, CONF_TITLE);
  awaits_begin(conf_invite_b, a);
  awaits_add("%s opened", a->user);
  rc = mwConference_open(a->chat_conf);   /* generates the name */
  S.conf_name = g_strdup(mwConference_getName(a->chat_conf));
  event(a->user, "conference-create name=%s title=%s rc=%d", S.conf_name,
        CONF_TITLE, rc);
  if(rc) {
    finish(FALSE, "%s could not create a conference", a->user);
    return;
  }
  awaits_expect();
}

static void conf_started(struct client *c) {
  (void) c;
  if(!all_started() || S.chat_started) return;
  S.chat_started = TRUE;
  later(conf_create, S.a);
}

static void conf_accept(struct client *c) {
  int rc;

  if(!c->chat_conf) {
    finish(FALSE, "%s's invitation was withdrawn before it could accept",
           c->user);
    return;
  }
  rc = mwConference_accept(c->chat_conf);
  event(c->user, "conference-accept rc=%d", rc);
  if(rc) finish(FALSE, "%s could not accept the invitation", c->user);
}

static void conf_invited(struct client *c, struct mwConference *conf,
                         const struct mwLoginInfo *inviter, const char *text) {
  const char *want = mwSession_getLoginInfo(S.a->session)->user_id;

  if(S.logging_out || !arrived("%s invited", c->user)) return;
  if(!inviter || g_strcmp0(inviter->user_id, want) != 0) {
    finish(FALSE, "%s's invitation names '%s' as inviter, expected '%s' "
           "(the inviter's LoginInfo, spec §6.3.2)", c->user,
           inviter && inviter->user_id ? inviter->user_id : "", want);
  } else if(g_strcmp0(text, CONF_INVITE_TEXT) != 0) {
    finish(FALSE, "%s's invitation text is \"%s\", expected \"%s\"", c->user,
           text ? text : "", CONF_INVITE_TEXT);
  } else if(g_strcmp0(mwConference_getName(conf), S.conf_name) != 0) {
    finish(FALSE, "%s is invited to a conference named '%s', %s created "
           "'%s'", c->user, mwConference_getName(conf), S.a->user,
           S.conf_name);
  } else if(g_strcmp0(mwConference_getTitle(conf), CONF_TITLE) != 0) {
    finish(FALSE, "%s's invitation has the title '%s', expected '%s'",
           c->user, mwConference_getTitle(conf), CONF_TITLE);
  } else {
    c->chat_conf = conf;
    later(conf_accept, c);
  }
}

static void conf_opened(struct client *c, struct mwConference *conf,
                        GList *members) {
  char *have, *want;

  if(S.logging_out) return;
  if(conf != c->chat_conf) {
    finish(FALSE, "%s got a conference it neither created nor accepted",
           c->user);
    return;
  }
  have = conf_member_labels(members);
  want = first_labels(client_index(c) + 1);
  if(strcmp(have, want) != 0) {
    finish(FALSE, "%s's conference opened with members [%s], expected [%s] "
           "(the WELCOME lists every member, the recipient included, spec "
           "§6.3.3)", c->user, have, want);
  } else if(g_strcmp0(mwConference_getName(conf), S.conf_name) != 0 ||
            g_strcmp0(mwConference_getTitle(conf), CONF_TITLE) != 0) {
    finish(FALSE, "%s's WELCOME names the conference '%s' titled '%s', "
           "expected '%s' titled '%s'", c->user, mwConference_getName(conf),
           mwConference_getTitle(conf), S.conf_name, CONF_TITLE);
  } else {
    arrived("%s opened", c->user);
  }
  g_free(have);
  g_free(want);
}

static void conf_closed(struct client *c, struct mwConference *conf,
                        guint32 reason) {
  char *why;

  (void) conf;
  if(S.logging_out) return;
  why = reason_text(reason);
  finish(FALSE, "the hub closed %s's conference channel, reason %s%s",
         c->user, why, reason == ERR_SERVICE_NO_SUPPORT ?
         ": is the conference server application deployed?" : "");
  g_free(why);
}

static void conf_joined(struct client *c, struct mwConference *conf,
                        const struct mwLoginInfo *who) {
  (void) conf;
  if(S.logging_out) return;
  arrived("%s saw %s join", c->user, label_of(who->user_id));
}

static void conf_parted(struct client *c, struct mwConference *conf,
                        const struct mwLoginInfo *who) {
  (void) conf;
  if(S.logging_out) return;
  arrived("%s saw %s leave", c->user, label_of(who->user_id));
}

static void conf_text(struct client *c, struct mwConference *conf,
                      const struct mwLoginInfo *who, const char *text) {
  (void) conf;
  if(S.logging_out) return;
  arrived("%s got \"%s\" from %s", c->user, text, label_of(who->user_id));
}

static const struct hooks conference_hooks = {
  .started = conf_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
  .conf_invited = conf_invited,
  .conf_opened = conf_opened,
  .conf_closed = conf_closed,
  .conf_joined = conf_joined,
  .conf_parted = conf_parted,
  .conf_text = conf_text,
};

/* --- place ----------------------------------------------------------- */

/* Spec §6.4, two logins S.a and S.b (USER1, USER2), set up like Pidgin
   (both ciphers: the place channel offers RC2/40 and RC2/128, mode
   WHATEVER; the hub must accept without one):
     1. USER1 enters PLACE_NAME titled PLACE_TITLE: opened with itself
        alone, no cipher, the title PLACE_TITLE.
     2. USER2 enters the same place asking for another title: opened with
        both members and the title the place has (PLACE_TITLE); USER1
        sees it join.
     3. USER1 sends a text, then USER2: each reaches both members, the
        sender included.  Meanwhile drops messages from members it does
        not know, so receiving them also proves the member lists parsed.
     4. USER2 leaves (destroys its channel): USER1 sees it part.
   The hub stores the place's definition (name, title): a repeated run
   finds PLACE_TITLE stored. */

static const char *const PLACE_NAME = "interop-place";
static const char *const PLACE_TITLE = "Interop Place";
static const char *const PLACE_OTHER_TITLE = "Another Title";

static void place_send(struct client *c, const char *text) {
  int rc = mwPlace_sendText(c->chat_place, text);
  char *shown = shown_text(text);

  event(c->user, "place-send text=\"%s\" rc=%d", shown, rc);
  g_free(shown);
  if(rc) finish(FALSE, "%s could not send \"%s\" to the place", c->user,
                text);
}

static void place_done(struct client *a) {
  S.ok = TRUE;
  expect("both sessions to log out");
  logout_all(a);
}

static void place_leave(struct client *a) {
  struct client *b = S.b;
  int rc;

  awaits_begin(place_done, a);
  awaits_add("%s saw %s leave", a->user, b->user);
  rc = mwPlace_destroy(b->chat_place, ERR_SUCCESS);
  b->chat_place = NULL;
  event(b->user, "place-leave rc=%d", rc);
  if(rc) finish(FALSE, "%s could not leave the place", b->user);
  awaits_expect();
}

/* SENDER says something; both members must receive it, then THEN */
static void place_say(struct client *sender, const char *text,
                      void (*then)(struct client *c)) {
  awaits_begin(then, S.a);
  awaits_add("%s got \"%s\" from %s", S.a->user, text, sender->user);
  awaits_add("%s got \"%s\" from %s", S.b->user, text, sender->user);
  place_send(sender, text);
  awaits_expect();
}

static void place_reply(struct client *a) {
  char *text = g_strdup_printf("reply from %s \u00fcber alles", S.b->user);

  (void) a;
  place_say(S.b, text, place_leave);
  g_free(text);
}

static void place_hello(struct client *a) {
  char *text = g_strdup_printf("hello from %s \u2013 caf\u00e9", a->user);

  place_say(a, text, place_reply);
  g_free(text);
}

static void place_enter(struct client *c, const char *title) {
  int rc;

  c->chat_place = mwPlace_new(c->place, PLACE_NAME, title);
  rc = mwPlace_open(c->chat_place);
  event(c->user, "place-open name=%s title=%s rc=%d", PLACE_NAME, title, rc);
  if(rc) finish(FALSE, "%s could not open place %s", c->user, PLACE_NAME);
}

static void place_enter_b(struct client *a) {
  awaits_begin(place_hello, a);
  awaits_add("%s opened", S.b->user);
  awaits_add("%s saw %s join", a->user, S.b->user);
  place_enter(S.b, PLACE_OTHER_TITLE);
  awaits_expect();
}

static void place_enter_a(struct client *a) {
  awaits_begin(place_enter_b, a);
  awaits_add("%s opened", a->user);
  place_enter(a, PLACE_TITLE);
  awaits_expect();
}

static void place_started(struct client *c) {
  (void) c;
  if(!all_started() || S.chat_started) return;
  S.chat_started = TRUE;
  later(place_enter_a, S.a);
}

static void place_opened(struct client *c, struct mwPlace *place) {
  char *have, *want;
  int cipher;

  if(S.logging_out) return;
  if(place != c->chat_place) {
    finish(FALSE, "%s got a place it did not open", c->user);
    return;
  }
  have = place_member_labels(place);
  want = first_labels(client_index(c) + 1);
  cipher = place_cipher(c, place);
  if(strcmp(have, want) != 0) {
    finish(FALSE, "%s's place opened with members [%s], expected [%s] (the "
           "SECTION LIST lists every member, spec §6.4)", c->user, have, want);
  } else if(g_strcmp0(mwPlace_getTitle(place), PLACE_TITLE) != 0) {
    finish(FALSE, "%s's place is titled '%s', expected '%s'%s", c->user,
           mwPlace_getTitle(place), PLACE_TITLE, c == S.a ? "" :
           " (the title the place has, not the one the second member asked "
           "for)");
  } else if(cipher >= 0) {
    finish(FALSE, "the hub accepted %s's place channel with %s: it must "
           "accept without a cipher (spec §6.4 step 2)", c->user,
           cipher_name(cipher));
  } else {
    arrived("%s opened", c->user);
  }
  g_free(have);
  g_free(want);
}

static void place_closed(struct client *c, struct mwPlace *place,
                         guint32 reason) {
  char *why;

  (void) place;
  if(S.logging_out) return;
  why = reason_text(reason);
  finish(FALSE, "the hub closed %s's place channel, reason %s%s", c->user,
         why, reason == ERR_SERVICE_NO_SUPPORT ?
         ": is the places server application deployed?" : "");
  g_free(why);
}

static void place_joined(struct client *c, struct mwPlace *place,
                         const struct mwIdBlock *who) {
  (void) place;
  if(S.logging_out) return;
  /* a PEER JOIN of the client itself is Meanwhile's other way of being
     told the place is open (srvc_place.c): not a peer */
  if(g_strcmp0(who->user,
               mwSession_getLoginInfo(c->session)->user_id) == 0) return;
  arrived("%s saw %s join", c->user, label_of(who->user));
}

static void place_parted(struct client *c, struct mwPlace *place,
                         const struct mwIdBlock *who) {
  (void) place;
  if(S.logging_out) return;
  arrived("%s saw %s leave", c->user, label_of(who->user));
}

static void place_text(struct client *c, struct mwPlace *place,
                       const struct mwIdBlock *who, const char *text) {
  (void) place;
  if(S.logging_out) return;
  arrived("%s got \"%s\" from %s", c->user, text ? text : "",
          label_of(who->user));
}

static const struct hooks place_hooks = {
  .started = place_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
  .place_opened = place_opened,
  .place_closed = place_closed,
  .place_joined = place_joined,
  .place_parted = place_parted,
  .place_text = place_text,
};

/* --- rewatch ---------------------------------------------------------- */

/* S.a = WATCHER, S.b = USER, both logged in for the whole run, while
   the awareness service goes away and comes back (a server application
   uninstalled and installed again, driven from outside: the test waits
   for the "watching" EVENT). What Pidgin's library must do on its own:
   when the hub destroys the awareness channel, Meanwhile stops the
   service and sends SENSE_SERVICE; when the hub answers it (the service
   is back), Meanwhile starts the service again, opens a new channel and
   adds its list again. WATCHER must then see USER online, and see USER
   go AWAY "lunch". */
enum {
  REWATCH_WAIT_ONLINE,       /* WATCHER's first online snapshot of USER */
  REWATCH_WATCHING,          /* until the hub takes the service away */
  REWATCH_WAIT_RESTART,      /* until the service is back */
  REWATCH_WAIT_AWAY,         /* USER goes AWAY "lunch" */
  REWATCH_DONE,
};

static void rewatch_started(struct client *c) {
  if(c == S.a) {
    expect("%s to see %s online", c->user, S.b->user);
    aware_add(c, S.b->login);
  }
}

static void rewatch_go_away(struct client *user) {
  set_status(user, mwStatus_AWAY, AWAY_TEXT);
  expect("%s to see %s AWAY (0x0060) with \"%s\" after the restart",
         S.a->user, user->user, AWAY_TEXT);
}

/* The service state after each chunk WATCHER received. */
static void rewatch_received(struct client *c) {
  struct mwService *aware = MW_SERVICE(c->aware);

  if(c != S.a) return;
  /* while watching the service was STARTED: any other state means the
     hub took it away (a restart needs at least one more round trip) */
  if(S.phase == REWATCH_WATCHING && !MW_SERVICE_IS_STARTED(aware)) {
    event(c->user, "awareness-stopped (the hub destroyed its channel)");
    S.phase = REWATCH_WAIT_RESTART;
    expect("the awareness service to come back for %s, and %s online again",
           c->user, S.b->user);
  }
}

static void rewatch_aware(struct client *c,
                          const struct mwAwareSnapshot *snap) {
  const char *desc = snap->status.desc ? snap->status.desc : "";

  if(c != S.a || !is_snapshot_of(snap, S.b)) return;

  switch(S.phase) {
  case REWATCH_WAIT_ONLINE:
    if(!snap->online) return;   /* USER may still be logging in */
    S.phase = REWATCH_WATCHING;
    event(c->user, "watching %s (take the awareness service away now)",
          S.b->user);
    expect("the hub to take the awareness service away from %s", c->user);
    break;

  case REWATCH_WAIT_RESTART:
    /* a snapshot can only come on a new channel: the restart happened */
    if(!snap->online) {
      finish(FALSE, "after the restart %s sees %s offline", c->user,
             S.b->user);
      return;
    }
    event(c->user, "awareness-restarted state=%d",
          (int) mwService_getState(MW_SERVICE(c->aware)));
    S.phase = REWATCH_WAIT_AWAY;
    later(rewatch_go_away, S.b);
    break;

  case REWATCH_WAIT_AWAY:
    if(!snap->online) {
      finish(FALSE, "%s sees %s offline while waiting for its AWAY status",
             c->user, S.b->user);
    } else if(snap->status.status == mwStatus_AWAY &&
              strcmp(desc, AWAY_TEXT) == 0) {
      S.phase = REWATCH_DONE;
      S.ok = TRUE;
      expect("%s and %s to log out", c->user, S.b->user);
      later(client_logout, S.b);
      later(client_logout, c);
    }
    break;

  default:
    break;                      /* repeated reports while watching */
  }
}

static const struct hooks rewatch_hooks = {
  .started = rewatch_started,
  .stopped = fail_on_unexpected_stop,
  .closed = pass_when_all_closed,
  .aware = rewatch_aware,
  .received = rewatch_received,
};

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

/* the scenario list of the usage text (driver_init prints the rest) */
static const char scenarios[] =
  "  login USER PASS\n"
  "  badlogin USER PASS\n"
  "  im USER1 PASS1 USER2 PASS2 [TEXT]\n"
  "  offline USER PASS TARGET\n"
  "  logout-peer USER1 PASS1 USER2 PASS2\n"
  "  rc2-40-login USER PASS\n"
  "  presence WATCHER PASS USER PASS\n"
  "  denied WATCHER PASS USER PASS\n"
  "  denied-stored WATCHER PASS USER PASS\n"
  "  storage USER PASS\n"
  "  save-at-close USER PASS\n"
  "  resolve USER PASS EXISTING MISSING\n"
  "  token USER TOKEN\n"
  "  guest NAME\n"
  "  guest-refused NAME\n"
  "  conference USER1 PASS1 USER2 PASS2 USER3 PASS3 [OFFLINE]\n"
  "  place USER1 PASS1 USER2 PASS2\n"
  "  rewatch WATCHER PASS USER PASS\n";

static char second_login_label[256];

/* Create the clients a scenario needs; returns FALSE on bad arguments. */
static gboolean setup_scenario(const char *name, int argc, char **argv) {
  if(argc == 2 && (!strcmp(name, "login") || !strcmp(name, "rc2-40-login"))) {
    S.want_rc2_40 = !strcmp(name, "rc2-40-login");
    S.a = client_new(argv[0], argv[1], &login_hooks);
  } else if(argc == 2 && !strcmp(name, "badlogin")) {
    S.refused_because = "the password is wrong";
    S.a = client_new(argv[0], argv[1], &badlogin_hooks);
  } else if(argc == 3 && !strcmp(name, "offline")) {
    S.target = argv[2];
    S.a = client_new(argv[0], argv[1], &offline_hooks);
  } else if((argc == 4 &&
             (!strcmp(name, "im") || !strcmp(name, "logout-peer"))) ||
            (argc == 5 && !strcmp(name, "im"))) {
    S.logout_peer = !strcmp(name, "logout-peer");
    /* with TEXT (a chat logging test's marker) both ends must use
       RC2/128: what Meanwhile picks from its own offer when the hub
       relays, and what the hub offers when it terminates (spec §5.8) */
    S.text_1 = argc == 5 ? argv[4] : TEXT_1;
    S.want_rc2_128 = argc == 5;
    S.a = client_new(argv[0], argv[1], &im_hooks);
    S.b = client_new(argv[2], argv[3], &im_hooks);
  } else if(argc == 4 && !strcmp(name, "presence")) {
    S.a = client_new(argv[0], argv[1], &presence_hooks);
    S.b = client_new(argv[2], argv[3], &presence_hooks);
    S.a->needs = NEED_AWARE;
    S.b->connect_later = TRUE;           /* once WATCHER saw it offline */
  } else if(argc == 4 && !strcmp(name, "denied")) {
    S.a = client_new(argv[0], argv[1], &denied_hooks);
    S.b = client_new(argv[2], argv[3], &denied_hooks);
    S.a->needs = S.b->needs = NEED_AWARE;
    S.a->connect_later = TRUE;           /* once USER's list is in force */
    S.user_now = S.b;
  } else if(argc == 4 && !strcmp(name, "denied-stored")) {
    S.stored = TRUE;
    S.a = client_new(argv[0], argv[1], &denied_stored_hooks);
    S.b = client_new(argv[2], argv[3], &denied_stored_hooks);
    /* the second login of USER, labelled USER#2 in the EVENT lines */
    snprintf(second_login_label, sizeof second_login_label, "%s#2", argv[2]);
    S.c = client_new_as(second_login_label, argv[2], argv[3],
                        &denied_stored_hooks);
    S.a->needs = S.b->needs = S.c->needs = NEED_AWARE;
    S.a->connect_later = S.c->connect_later = TRUE;
  } else if(argc == 2 && !strcmp(name, "storage")) {
    S.a = client_new(argv[0], argv[1], &storage_hooks);
    S.a->needs = NEED_STORAGE;
  } else if(argc == 2 && !strcmp(name, "save-at-close")) {
    S.a = client_new(argv[0], argv[1], &save_at_close_hooks);
    snprintf(second_login_label, sizeof second_login_label, "%s#2", argv[0]);
    S.b = client_new_as(second_login_label, argv[0], argv[1],
                        &save_at_close_hooks);
    S.a->needs = NEED_STORAGE | NEED_AWARE;
    S.b->needs = NEED_STORAGE;
    S.b->connect_later = TRUE;
  } else if(argc == 4 && !strcmp(name, "resolve")) {
    S.existing = argv[2];
    S.missing = argv[3];
    S.a = client_new(argv[0], argv[1], &resolve_hooks);
    S.a->needs = NEED_RESOLVE;
  } else if(argc == 2 && !strcmp(name, "token")) {
    /* Meanwhile only sends passwords: a token is typed as the password
       and goes in the RC2/128 block (hub-api LoginAttempt) */
    S.want_user_id = argv[0];
    S.a = client_new(argv[0], argv[1], &login_hooks);
  } else if(argc == 1 && !strcmp(name, "guest")) {
    S.guest = TRUE;
    S.a = client_new_as("guest", "", argv[0], &login_hooks);
  } else if(argc == 1 && !strcmp(name, "guest-refused")) {
    S.refused_because = "guest logins should be refused";
    S.a = client_new_as("guest", "", argv[0], &badlogin_hooks);
  } else if((argc == 6 || argc == 7) && !strcmp(name, "conference")) {
    /* an ID nobody logs in with unless OFFLINE is given */
    S.offline = argc == 7 ? argv[6] : "interop-offline-user";
    S.a = client_new(argv[0], argv[1], &conference_hooks);
    S.b = client_new(argv[2], argv[3], &conference_hooks);
    S.c = client_new(argv[4], argv[5], &conference_hooks);
  } else if(argc == 4 && !strcmp(name, "rewatch")) {
    /* no NEED_AWARE: the awareness service going away is the point */
    S.a = client_new(argv[0], argv[1], &rewatch_hooks);
    S.b = client_new(argv[2], argv[3], &rewatch_hooks);
  } else if(argc == 4 && !strcmp(name, "place")) {
    S.a = client_new(argv[0], argv[1], &place_hooks);
    S.b = client_new(argv[2], argv[3], &place_hooks);
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
  for(i = 0; i < n_clients && !finished; i++)
    if(!clients[i]->connect_later) client_connect(clients[i]);
  driver_run();

  denied_cleanup();
  for(i = 0; i < n_clients; i++) client_free(clients[i]);
  mwOpaque_clear(&S.expected);
  mwOpaque_clear(&S.original_list);
  g_free(S.late_verdict);
  g_free(S.conf_name);
  if(W.keys) g_ptr_array_free(W.keys, TRUE);
  return driver_exit();
}
