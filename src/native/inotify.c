/* Thin inotify binding for Node: plain C against node_api.h.
 *
 * One Inotify object owns one inotify fd, polled on the Node event loop with
 * uv_poll (level-triggered, callbacks on the JS thread, no thread, no timer).
 * Each wakeup reads the fd until EAGAIN and makes ONE JS call with the batch,
 * so IN_Q_OVERFLOW is delivered like any other event, never dropped.
 *
 * Lifetime invariants:
 * - While open, a strong reference keeps the JS object (and so this struct)
 *   alive, like a listening socket; close() drops it.
 * - close() releases the fd at once: max_user_instances is small (128) and a
 *   lingering instance makes the next inotify_init1 fail with EMFILE.
 * - The struct is freed only after BOTH the uv_close callback (libuv is done
 *   with the embedded uv_poll_t) and the napi finalizer (JS is done with it).
 * - The async cleanup hook stays registered until the uv_close callback ran,
 *   so a worker/env teardown waits for the handle instead of aborting on it.
 *
 * Opener mode (`new Inotify(cb, { openCreated: true })`): a thread blocks on
 * the fd instead of uv_poll, and for every IN_CREATE / IN_MOVED_TO of a
 * non-directory it opens the new file at once (openat on the watched
 * directory, O_RDONLY|O_NOFOLLOW|O_NONBLOCK), before the JS thread hears of
 * it: a file the engine creates, writes and deletes while JS is busy is still
 * held open. The event then carries `fd` (>= 0, owned by the callee) or
 * `-errno`. Batches reach JS through a uv_async_t; close() wakes the thread
 * through a pipe, joins it, and closes any fd JS never received. The thread
 * never fails silently: an event it cannot queue (out of memory) reaches JS
 * as an IN_Q_OVERFLOW; a poll or read that fails ends it and reaches JS as an
 * event with mask 0 and `error` (no event would come after it).
 */
#include "binding.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <uv.h>

/* Bound one wakeup's batch (16 x 64 KiB); the poll is level-triggered, so
 * whatever is left wakes us again on the next loop turn. */
#define MAX_READS_PER_WAKEUP 16

/* Opener mode: one event read by the thread, with the fd it opened. */
typedef struct {
  struct inotify_event* ev; /* copy, name included */
  int fd;                   /* >= 0 opened, < 0 -errno, INT32_MIN not attempted */
} Pending;

#define NOT_OPENED (-2147483647 - 1)
#define MAX_DIRS 8

typedef struct {
  napi_env env;
  int fd;                 /* -1 once closed */
  bool poll_busy;         /* uv_poll_init (or uv_async_init) done, uv_close callback not yet run */
  bool finalized;         /* napi finalizer ran */
  uv_poll_t poll;
  /* opener mode */
  bool opener;
  bool thread_running;
  pthread_t thread;
  int wake[2];
  uv_async_t async;
  pthread_mutex_t lock;   /* guards queue and dirs */
  Pending* queue;
  size_t queued, capacity;
  /* Events the thread read but could not queue (out of memory): JS gets an overflow instead. */
  bool lost;
  /* Why the thread stopped reading (errno, and the call that failed): JS gets it as an error. */
  int thread_errno;
  const char* thread_call;
  /* Watched directories by path, not by descriptor: an open descriptor would keep a deleted
   * directory's inode alive and hold back its IN_DELETE_SELF. */
  struct { int wd; char* path; } dirs[MAX_DIRS];
  int ndirs;
  napi_ref self;          /* strong while open */
  napi_ref on_events;
  napi_async_context async_ctx;
  napi_async_cleanup_hook_handle cleanup;
} Instance;

/* Structs not yet freed, across all threads (test hook for leak checks). */
static int live_instances;
static void maybe_free(Instance* in) {
  if (in->poll_busy || !in->finalized) return;
  __atomic_sub_fetch(&live_instances, 1, __ATOMIC_RELAXED);
  if (in->opener) pthread_mutex_destroy(&in->lock);
  free(in);
}

static void on_poll_closed(uv_handle_t* handle) {
  Instance* in = handle->data;
  in->poll_busy = false;
  /* Removing the hook also tells a teardown in progress that we are done. */
  if (in->cleanup) napi_remove_async_cleanup_hook(in->cleanup);
  in->cleanup = NULL;
  maybe_free(in);
}

/* Opener mode: stops and joins the thread, closes what JS never received. */
static void stop_opener(Instance* in) {
  if (in->thread_running) {
    char byte = 1;
    ssize_t ignored = write(in->wake[1], &byte, 1);
    (void)ignored;
    pthread_join(in->thread, NULL);
    in->thread_running = false;
  }
  pthread_mutex_lock(&in->lock);
  for (size_t i = 0; i < in->queued; i++) {
    if (in->queue[i].fd >= 0) close(in->queue[i].fd);
    free(in->queue[i].ev);
  }
  free(in->queue);
  in->queue = NULL;
  in->queued = in->capacity = 0;
  for (int i = 0; i < in->ndirs; i++) free(in->dirs[i].path);
  in->ndirs = 0;
  pthread_mutex_unlock(&in->lock);
  if (in->wake[0] >= 0) close(in->wake[0]);
  if (in->wake[1] >= 0) close(in->wake[1]);
  in->wake[0] = in->wake[1] = -1;
}

static void close_instance(Instance* in) {
  if (in->fd < 0) return;
  if (in->opener) {
    stop_opener(in);
    if (in->poll_busy) uv_close((uv_handle_t*)&in->async, on_poll_closed);
  } else if (in->poll_busy) {
    /* uv_close stops the poll and drops the fd from epoll synchronously;
     * only its callback is deferred. So the fd can be closed right after. */
    uv_poll_stop(&in->poll);
    uv_close((uv_handle_t*)&in->poll, on_poll_closed);
  }
  close(in->fd);
  in->fd = -1;
  if (in->self) napi_delete_reference(in->env, in->self);
  if (in->on_events) napi_delete_reference(in->env, in->on_events);
  if (in->async_ctx) napi_async_destroy(in->env, in->async_ctx);
  in->self = in->on_events = NULL;
  in->async_ctx = NULL;
}

static void on_env_cleanup(napi_async_cleanup_hook_handle handle, void* data) {
  (void)handle; /* removed in on_poll_closed, which signals completion */
  close_instance(data);
}

static void finalize(napi_env env, void* data, void* hint) {
  Instance* in = data;
  (void)env;
  (void)hint;
  in->finalized = true;
  /* A no-op in practice: the strong ref prevents GC while open, and the
   * cleanup hook (which holds the napi env) closes us before env teardown
   * runs finalizers. If that ever changes, closing beats a live poll on a
   * dead env. */
  close_instance(in);
  maybe_free(in);
}
static napi_value event_object(napi_env env, const struct inotify_event* ev) {
  napi_value obj, value;
  napi_create_object(env, &obj);
  napi_create_int32(env, ev->wd, &value);
  napi_set_named_property(env, obj, "wd", value);
  set_u32(env, obj, "mask", ev->mask);
  set_u32(env, obj, "cookie", ev->cookie);
  /* name is NUL-padded to len; non-UTF-8 bytes become U+FFFD */
  napi_create_string_utf8(env, ev->name, ev->len ? strnlen(ev->name, ev->len) : 0, &value);
  napi_set_named_property(env, obj, "name", value);
  return obj;
}

/* Deliver through napi_make_callback so nextTicks and microtasks run after
 * the call; a throw becomes an uncaughtException instead of vanishing. */
static void deliver(Instance* in, napi_value batch) {
  napi_env env = in->env;
  napi_value recv, fn, result, exception;
  bool pending = false;
  napi_get_reference_value(env, in->self, &recv);
  napi_get_reference_value(env, in->on_events, &fn);
  napi_make_callback(env, in->async_ctx, recv, fn, 1, &batch, &result);
  napi_is_exception_pending(env, &pending);
  if (pending && napi_get_and_clear_last_exception(env, &exception) == napi_ok)
    napi_fatal_exception(env, exception);
}

static void on_readable(uv_poll_t* poll, int status, int events) {
  Instance* in = poll->data;
  napi_env env = in->env;
  napi_handle_scope scope;
  napi_value batch;
  uint32_t count = 0;
  int err = status < 0 ? -status : 0;
  char buf[65536] __attribute__((aligned(__alignof__(struct inotify_event))));
  (void)events;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_create_array(env, &batch);
  for (int reads = 0; !err && reads < MAX_READS_PER_WAKEUP; reads++) {
    ssize_t len = read(in->fd, buf, sizeof buf);
    if (len < 0 && errno == EINTR) continue;
    if (len < 0 && errno != EAGAIN) err = errno;
    if (len <= 0) break;
    for (char* p = buf; p < buf + len;) {
      const struct inotify_event* ev = (const struct inotify_event*)p;
      napi_set_element(env, batch, count++, event_object(env, ev));
      p += sizeof(struct inotify_event) + ev->len;
    }
  }
  if (count > 0) deliver(in, batch);
  if (err && in->fd >= 0) {
    /* Unreadable fd: stop, or the level-triggered poll would spin. */
    close_instance(in);
    napi_fatal_exception(env, errno_error(env, err, "read", NULL));
  }
  napi_close_handle_scope(env, scope);
}

/* Opener mode, on the thread: events read but not queued are an overflow to JS (a rescan). */
static void opener_lost(Instance* in) {
  pthread_mutex_lock(&in->lock);
  in->lost = true;
  pthread_mutex_unlock(&in->lock);
}

/* Opener mode, on the thread: it cannot read on. Never silent: JS gets the error and stops
 * trusting the watch (with no thread, no event would ever reach it again). */
static void* opener_failed(Instance* in, int err, const char* call) {
  pthread_mutex_lock(&in->lock);
  in->thread_errno = err;
  in->thread_call = call;
  pthread_mutex_unlock(&in->lock);
  uv_async_send(&in->async);
  return NULL;
}

/* Opener mode, on the thread: read events, open created files at once, queue, wake JS. */
static void* opener_main(void* data) {
  Instance* in = data;
  char buf[65536] __attribute__((aligned(__alignof__(struct inotify_event))));
  struct pollfd fds[2] = {{.fd = in->fd, .events = POLLIN}, {.fd = in->wake[0], .events = POLLIN}};
  for (;;) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return opener_failed(in, errno, "poll");
    }
    if (fds[1].revents) break; /* close() */
    if (fds[0].revents & (POLLERR | POLLNVAL)) return opener_failed(in, EBADF, "poll");
    ssize_t len = read(in->fd, buf, sizeof buf);
    if (len < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (len < 0) return opener_failed(in, errno, "read");
    if (len == 0) return opener_failed(in, EIO, "read");
    for (char* p = buf; p < buf + len;) {
      const struct inotify_event* ev = (const struct inotify_event*)p;
      size_t size = sizeof(struct inotify_event) + ev->len;
      p += size;
      Pending item = {.ev = malloc(size), .fd = NOT_OPENED};
      if (!item.ev) { /* out of memory: this event is lost, which JS hears as an overflow */
        opener_lost(in);
        continue;
      }
      memcpy(item.ev, ev, size);
      pthread_mutex_lock(&in->lock);
      const char* dir = NULL;
      for (int i = 0; i < in->ndirs; i++)
        if (in->dirs[i].wd == ev->wd) dir = in->dirs[i].path;
      if (dir && ev->len && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && !(ev->mask & IN_ISDIR)) {
        char file[PATH_MAX];
        if (snprintf(file, sizeof file, "%s/%s", dir, ev->name) < (int)sizeof file) {
          int f = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
          item.fd = f >= 0 ? f : -errno;
        }
      }
      if (in->queued == in->capacity) {
        size_t capacity = in->capacity ? in->capacity * 2 : 64;
        Pending* grown = realloc(in->queue, capacity * sizeof *grown);
        if (!grown) {
          if (item.fd >= 0) close(item.fd);
          free(item.ev);
          in->lost = true; /* as above: an overflow */
          pthread_mutex_unlock(&in->lock);
          continue;
        }
        in->queue = grown;
        in->capacity = capacity;
      }
      in->queue[in->queued++] = item;
      pthread_mutex_unlock(&in->lock);
    }
    uv_async_send(&in->async);
  }
  return NULL;
}

/* Opener mode, on the JS thread: deliver what the thread queued, in order. */
static void on_async(uv_async_t* async) {
  Instance* in = async->data;
  napi_env env = in->env;
  napi_handle_scope scope;
  napi_value batch, value;
  if (in->fd < 0) return;
  pthread_mutex_lock(&in->lock);
  Pending* items = in->queue;
  size_t count = in->queued;
  bool lost = in->lost;
  int thread_errno = in->thread_errno;
  const char* thread_call = in->thread_call;
  in->queue = NULL;
  in->queued = in->capacity = 0;
  in->lost = false;
  in->thread_errno = 0;
  pthread_mutex_unlock(&in->lock);
  if (count == 0 && !lost && !thread_errno) return free(items);
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_create_array_with_length(env, count, &batch);
  for (size_t i = 0; i < count; i++) {
    napi_value obj = event_object(env, items[i].ev);
    if (items[i].fd != NOT_OPENED) {
      napi_create_int32(env, items[i].fd, &value);
      napi_set_named_property(env, obj, "fd", value);
    }
    napi_set_element(env, batch, (uint32_t)i, obj);
    free(items[i].ev);
  }
  free(items);
  /* After what was queued: an overflow (wd -1, as the kernel's), then the thread's end. */
  struct inotify_event self_event = {.wd = -1, .mask = IN_Q_OVERFLOW, .cookie = 0, .len = 0};
  uint32_t next = (uint32_t)count;
  if (lost) napi_set_element(env, batch, next++, event_object(env, &self_event));
  if (thread_errno) {
    self_event.mask = 0;
    napi_value obj = event_object(env, &self_event);
    napi_set_named_property(env, obj, "error", errno_error(env, thread_errno, thread_call, NULL));
    napi_set_element(env, batch, next++, obj);
  }
  deliver(in, batch);
  napi_close_handle_scope(env, scope);
}

static Instance* unwrap(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv) {
  napi_value self;
  Instance* in = NULL;
  napi_get_cb_info(env, info, argc, argv, &self, NULL);
  if (napi_unwrap(env, self, (void**)&in) != napi_ok || !in) {
    napi_throw_type_error(env, "ERR_INVALID_THIS", "Illegal invocation");
    return NULL;
  }
  return in;
}

napi_value js_new(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], self, target, name;
  napi_valuetype type = napi_undefined, options_type = napi_undefined;
  bool opener = false;
  uv_loop_t* loop;
  Instance* in;
  int fd, rc;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  napi_get_new_target(env, info, &target);
  if (!target) return throw_code(env, "ERR_CONSTRUCT_CALL_REQUIRED", "Inotify must be called with new"), NULL;
  if (argc >= 1) napi_typeof(env, argv[0], &type);
  if (type != napi_function)
    return throw_code(env, "ERR_INVALID_ARG_TYPE", "onEvents must be a function"), NULL;
  if (argc >= 2) napi_typeof(env, argv[1], &options_type);
  if (options_type == napi_object) {
    napi_value flag;
    if (napi_get_named_property(env, argv[1], "openCreated", &flag) == napi_ok) napi_get_value_bool(env, flag, &opener);
  }
  fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return napi_throw(env, errno_error(env, errno, "inotify_init1", NULL)), NULL;
  in = calloc(1, sizeof *in);
  if (!in) return close(fd), throw_code(env, "ENOMEM", "out of memory"), NULL;
  in->env = env;
  in->fd = fd;
  in->wake[0] = in->wake[1] = -1;
  in->opener = opener;
  if (opener) pthread_mutex_init(&in->lock, NULL);
  if (napi_wrap(env, self, in, finalize, NULL, NULL) != napi_ok) return close(fd), free(in), NULL;
  __atomic_add_fetch(&live_instances, 1, __ATOMIC_RELAXED);
  /* From here on the finalizer owns `in`; failures just close it. */
  napi_create_string_utf8(env, "rdm_inotify", NAPI_AUTO_LENGTH, &name);
  if (napi_create_reference(env, self, 1, &in->self) != napi_ok ||
      napi_create_reference(env, argv[0], 1, &in->on_events) != napi_ok ||
      napi_async_init(env, self, name, &in->async_ctx) != napi_ok ||
      napi_get_uv_event_loop(env, &loop) != napi_ok)
    return close_instance(in), NULL;
  if (opener) {
    /* The thread blocks on the fd: make it blocking again (poll() tells when to read). */
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if ((rc = uv_async_init(loop, &in->async, on_async)) != 0)
      return close_instance(in), napi_throw(env, errno_error(env, -rc, "uv_async_init", NULL)), NULL;
    in->poll_busy = true;
    in->async.data = in;
    if (pipe2(in->wake, O_CLOEXEC) != 0)
      return close_instance(in), napi_throw(env, errno_error(env, errno, "pipe2", NULL)), NULL;
    if ((rc = pthread_create(&in->thread, NULL, opener_main, in)) != 0)
      return close_instance(in), napi_throw(env, errno_error(env, rc, "pthread_create", NULL)), NULL;
    in->thread_running = true;
  } else {
    if ((rc = uv_poll_init(loop, &in->poll, fd)) != 0)
      return close_instance(in), napi_throw(env, errno_error(env, -rc, "uv_poll_init", NULL)), NULL;
    in->poll_busy = true;
    in->poll.data = in;
    if ((rc = uv_poll_start(&in->poll, UV_READABLE, on_readable)) != 0)
      return close_instance(in), napi_throw(env, errno_error(env, -rc, "uv_poll_start", NULL)), NULL;
  }
  if (napi_add_async_cleanup_hook(env, on_env_cleanup, in, &in->cleanup) != napi_ok)
    return close_instance(in), NULL;
  return self;
}

napi_value js_add_watch(napi_env env, napi_callback_info info) {
  size_t argc = 2, len = 0;
  napi_value argv[2], result;
  napi_valuetype t0 = napi_undefined, t1 = napi_undefined;
  uint32_t mask;
  Instance* in = unwrap(env, info, &argc, argv);
  if (!in) return NULL;
  if (in->fd < 0) return throw_code(env, "ERR_INOTIFY_CLOSED", "addWatch on a closed Inotify instance"), NULL;
  if (argc >= 2) napi_typeof(env, argv[0], &t0), napi_typeof(env, argv[1], &t1);
  if (t0 != napi_string || t1 != napi_number)
    return throw_code(env, "ERR_INVALID_ARG_TYPE", "addWatch(path: string, mask: number)"), NULL;
  napi_get_value_string_utf8(env, argv[0], NULL, 0, &len);
  char* path = malloc(len + 1);
  if (!path) return throw_code(env, "ENOMEM", "out of memory"), NULL;
  napi_get_value_string_utf8(env, argv[0], path, len + 1, &len);
  napi_get_value_uint32(env, argv[1], &mask);
  int wd = -1;
  if (strlen(path) != len) throw_code(env, "ERR_INVALID_ARG_VALUE", "path must not contain NUL bytes");
  else if ((wd = inotify_add_watch(in->fd, path, mask)) < 0)
    napi_throw(env, errno_error(env, errno, "inotify_add_watch", path));
  else if (in->opener) {
    /* The directory the thread opens created files in. */
    pthread_mutex_lock(&in->lock);
    bool known = false;
    for (int i = 0; i < in->ndirs; i++)
      if (in->dirs[i].wd == wd) known = true;
    if (!known && in->ndirs < MAX_DIRS) {
      in->dirs[in->ndirs].wd = wd;
      in->dirs[in->ndirs++].path = path;
      path = NULL; /* kept */
    }
    pthread_mutex_unlock(&in->lock);
  }
  free(path);
  if (wd < 0) return NULL;
  napi_create_int32(env, wd, &result);
  return result;
}

napi_value js_remove_watch(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_valuetype type = napi_undefined;
  int32_t wd;
  Instance* in = unwrap(env, info, &argc, argv);
  if (!in) return NULL;
  if (argc >= 1) napi_typeof(env, argv[0], &type);
  if (type != napi_number) return throw_code(env, "ERR_INVALID_ARG_TYPE", "removeWatch(wd: number)"), NULL;
  napi_get_value_int32(env, argv[0], &wd);
  /* closing the fd already removed every watch */
  if (in->fd >= 0 && inotify_rm_watch(in->fd, wd) < 0)
    napi_throw(env, errno_error(env, errno, "inotify_rm_watch", NULL));
  return NULL;
}

napi_value js_close(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  Instance* in = unwrap(env, info, &argc, NULL);
  if (in) close_instance(in);
  return NULL;
}

napi_value js_ref(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  Instance* in = unwrap(env, info, &argc, NULL);
  if (in && in->fd >= 0) uv_ref(in->opener ? (uv_handle_t*)&in->async : (uv_handle_t*)&in->poll);
  return NULL;
}

napi_value js_unref(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  Instance* in = unwrap(env, info, &argc, NULL);
  if (in && in->fd >= 0) uv_unref(in->opener ? (uv_handle_t*)&in->async : (uv_handle_t*)&in->poll);
  return NULL;
}

napi_value js_fd(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  napi_value result;
  Instance* in = unwrap(env, info, &argc, NULL);
  if (!in) return NULL;
  napi_create_int32(env, in->fd, &result);
  return result;
}

napi_value js_closed(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  napi_value result;
  Instance* in = unwrap(env, info, &argc, NULL);
  if (!in) return NULL;
  napi_get_boolean(env, in->fd < 0, &result);
  return result;
}

/* Whether events are waiting: unread in the kernel queue, or read by the thread and not yet
 * delivered. Lets a caller that is about to stop take in what already happened. */
napi_value js_pending(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  napi_value result;
  int unread = 0;
  bool pending = false;
  Instance* in = unwrap(env, info, &argc, NULL);
  if (!in) return NULL;
  if (in->fd >= 0) {
    if (ioctl(in->fd, FIONREAD, &unread) == 0 && unread > 0) pending = true;
    if (in->opener) {
      pthread_mutex_lock(&in->lock);
      if (in->queued > 0 || in->lost || in->thread_errno) pending = true;
      pthread_mutex_unlock(&in->lock);
    }
  }
  napi_get_boolean(env, pending, &result);
  return result;
}
napi_value js_live_instances(napi_env env, napi_callback_info info) {
  napi_value result;
  (void)info;
  napi_create_int32(env, __atomic_load_n(&live_instances, __ATOMIC_RELAXED), &result);
  return result;
}
