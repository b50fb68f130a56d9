/* Replay's data copy: CRC-32C, then copy_file_range, on the libuv threadpool.
 *
 * copyRange(src, srcOffset, dst, dstOffset, lengths, crcs, readWrite) copies consecutive
 * segments (one per append op) from a journal data file to a target file. Each segment is read
 * with pread into this thread's scratch buffer and checked against its CRC-32C BEFORE any of it
 * is written: a flipped byte in a data file never reaches the target. Then it is copied in the
 * kernel (copy_file_range, the read is from the page cache the pread just filled), or, when
 * the kernel cannot (EXDEV, EINVAL, ENOSYS, EOPNOTSUPP, or 0 bytes before the end), written
 * from the checked buffer with pwrite. Data files are append-only and committed ranges are never
 * rewritten (src/journal/data-files.ts), so the second read sees the bytes the first one checked. */
#include "binding.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  napi_async_work work;
  napi_deferred deferred;
  int src, dst;
  int64_t src_offset, dst_offset;
  uint32_t count;
  uint32_t* lengths;
  uint32_t* crcs;
  bool read_write;     /* no copy_file_range: pread, check, pwrite (tests force it) */
  /* results */
  int err;             /* errno of a failed call (not a mismatch), 0 if none */
  const char* syscall;
  int64_t bad;         /* index of the segment that is short or fails its CRC, -1 if none */
  uint32_t found_crc;
  uint32_t found_bytes;
  int64_t kernel_bytes, written_bytes;
  int fell_back;       /* errno that sent copy_file_range to pwrite (-1: it copied 0 bytes), 0 if none */
} CopyWork;

/* This thread's scratch buffer, grown to the largest segment seen (an append op is at most
 * 1 MiB) and kept for the thread's life: a copy allocates nothing in the steady state. */
static __thread unsigned char* scratch;
static __thread size_t scratch_size;

static unsigned char* scratch_of(size_t size) {
  if (size <= scratch_size) return scratch;
  unsigned char* grown = realloc(scratch, size);
  if (!grown) return NULL;
  scratch = grown;
  scratch_size = size;
  return scratch;
}

static bool kernel_cannot_copy(int err) {
  return err == EXDEV || err == EINVAL || err == ENOSYS || err == EOPNOTSUPP;
}

/* One segment: read and check, then copy in the kernel or write from the checked buffer. */
static bool copy_segment(CopyWork* w, uint32_t i, int64_t from, int64_t to, bool* kernel) {
  size_t length = w->lengths[i], got = 0, done = 0;
  unsigned char* buf = scratch_of(length ? length : 1);
  if (!buf) return w->err = ENOMEM, w->syscall = "malloc", false;
  while (got < length) {
    ssize_t n = pread(w->src, buf + got, length - got, from + (int64_t)got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return w->err = errno, w->syscall = "pread", false;
    if (n == 0) break;
    got += (size_t)n;
  }
  if (got < length) return w->bad = i, w->found_bytes = (uint32_t)got, false;
  uint32_t crc = crc32c(buf, length, false);
  if (crc != w->crcs[i]) return w->bad = i, w->found_crc = crc, w->found_bytes = (uint32_t)got, false;
  while (*kernel && done < length) {
    loff_t in = from + (int64_t)done, out = to + (int64_t)done;
    ssize_t n = copy_file_range(w->src, &in, w->dst, &out, length - done, 0);
    if (n > 0) {
      done += (size_t)n;
      w->kernel_bytes += n;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n == 0 || kernel_cannot_copy(errno)) {
      w->fell_back = n == 0 ? -1 : errno;
      *kernel = false; /* for the rest of this call: the next segments go the same way */
    } else {
      return w->err = errno, w->syscall = "copy_file_range", false;
    }
  }
  while (done < length) {
    ssize_t n = pwrite(w->dst, buf + done, length - done, to + (int64_t)done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return w->err = errno, w->syscall = "pwrite", false;
    done += (size_t)n;
    w->written_bytes += n;
  }
  return true;
}

static void copy_execute(napi_env env, void* data) {
  CopyWork* w = data;
  bool kernel = !w->read_write;
  int64_t from = w->src_offset, to = w->dst_offset;
  (void)env;
  for (uint32_t i = 0; i < w->count; i++) {
    if (!copy_segment(w, i, from, to, &kernel)) return;
    from += w->lengths[i];
    to += w->lengths[i];
  }
  /* Starts the writeback of what was just copied, without waiting for it: the target's
   * fdatasync at the batch's end (the durability point) then finds most of it on disk already,
   * and the disk writes while the next runs are read. A hint: its failure changes nothing. */
  if (to > w->dst_offset) sync_file_range(w->dst, w->dst_offset, to - w->dst_offset, SYNC_FILE_RANGE_WRITE);
}
static void copy_complete(napi_env env, napi_status status, void* data) {
  CopyWork* w = data;
  napi_value result;
  if (status != napi_ok) {
    napi_value err, msg;
    napi_create_string_utf8(env, "copyRange was cancelled", NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, NULL, msg, &err);
    napi_reject_deferred(env, w->deferred, err);
  } else if (w->err) {
    napi_reject_deferred(env, w->deferred, errno_error(env, w->err, w->syscall, NULL));
  } else {
    napi_create_object(env, &result);
    set_f64(env, result, "bad", (double)w->bad);
    set_u32(env, result, "foundCrc", w->found_crc);
    set_u32(env, result, "foundBytes", w->found_bytes);
    set_f64(env, result, "kernelBytes", (double)w->kernel_bytes);
    set_f64(env, result, "writtenBytes", (double)w->written_bytes);
    set_f64(env, result, "fellBack", (double)w->fell_back);
    napi_resolve_deferred(env, w->deferred, result);
  }
  napi_delete_async_work(env, w->work);
  free(w->lengths);
  free(w->crcs);
  free(w);
}

/* A Uint32Array argument, copied (JS may reuse its buffer while the work runs). */
static uint32_t* copy_u32_array(napi_env env, napi_value value, size_t* count) {
  bool is_typed = false;
  napi_typedarray_type type;
  void* data = NULL;
  napi_is_typedarray(env, value, &is_typed);
  if (!is_typed) return NULL;
  napi_get_typedarray_info(env, value, &type, count, &data, NULL, NULL);
  if (type != napi_uint32_array) return NULL;
  uint32_t* copy = malloc(*count ? *count * sizeof *copy : 1);
  if (copy && *count) memcpy(copy, data, *count * sizeof *copy);
  return copy;
}

napi_value js_copy_range(napi_env env, napi_callback_info info) {
  static const char usage[] =
      "copyRange(src: fd, srcOffset: number, dst: fd, dstOffset: number, lengths: Uint32Array, crcs: Uint32Array, readWrite: boolean)";
  size_t argc = 7, count = 0, crc_count = 0;
  napi_value argv[7], promise, name;
  napi_valuetype types[4] = {napi_undefined, napi_undefined, napi_undefined, napi_undefined};
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 7) return throw_code(env, "ERR_INVALID_ARG_TYPE", usage), NULL;
  for (int i = 0; i < 4; i++) napi_typeof(env, argv[i], &types[i]);
  for (int i = 0; i < 4; i++)
    if (types[i] != napi_number) return throw_code(env, "ERR_INVALID_ARG_TYPE", usage), NULL;
  CopyWork* w = calloc(1, sizeof *w);
  if (!w) return throw_code(env, "ENOMEM", "out of memory"), NULL;
  napi_get_value_int32(env, argv[0], &w->src);
  napi_get_value_int64(env, argv[1], &w->src_offset);
  napi_get_value_int32(env, argv[2], &w->dst);
  napi_get_value_int64(env, argv[3], &w->dst_offset);
  napi_get_value_bool(env, argv[6], &w->read_write);
  w->lengths = copy_u32_array(env, argv[4], &count);
  w->crcs = copy_u32_array(env, argv[5], &crc_count);
  w->bad = -1;
  if (!w->lengths || !w->crcs || count != crc_count || w->src < 0 || w->dst < 0 || w->src_offset < 0 || w->dst_offset < 0) {
    free(w->lengths), free(w->crcs), free(w);
    return throw_code(env, "ERR_INVALID_ARG_VALUE", usage), NULL;
  }
  w->count = (uint32_t)count;
  napi_create_string_utf8(env, "rdm_copy_range", NAPI_AUTO_LENGTH, &name);
  if (napi_create_promise(env, &w->deferred, &promise) != napi_ok ||
      napi_create_async_work(env, NULL, name, copy_execute, copy_complete, w, &w->work) != napi_ok ||
      napi_queue_async_work(env, w->work) != napi_ok) {
    free(w->lengths), free(w->crcs), free(w);
    return throw_code(env, "ERR_INTERNAL", "copyRange could not be queued"), NULL;
  }
  return promise;
}
