/* Facts about files the journal asks the kernel for: which filesystem holds a path (fsid), and
 * who holds a lock on it (lockHolder). */
#include "binding.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/vfs.h>
#include <unistd.h>

/* statfs(2)'s f_fsid of the filesystem holding `path`, as 16 hex digits, or null when the
 * filesystem gives none (all zero). ext4, btrfs and others derive it from the filesystem's UUID:
 * unlike st_dev, it survives a reboot that numbers devices differently. */
napi_value js_fsid(napi_env env, napi_callback_info info) {
  napi_value result;
  struct statfs st;
  char hex[17];
  char* path = path_argument(env, info, "fsid(path: string)");
  if (!path) return NULL;
  if (statfs(path, &st) != 0) {
    napi_throw(env, errno_error(env, errno, "statfs", path));
    free(path);
    return NULL;
  }
  free(path);
  unsigned a = (unsigned)st.f_fsid.__val[0], b = (unsigned)st.f_fsid.__val[1];
  if (a == 0 && b == 0) return napi_get_null(env, &result), result;
  snprintf(hex, sizeof hex, "%08x%08x", a, b);
  napi_create_string_utf8(env, hex, NAPI_AUTO_LENGTH, &result);
  return result;
}

/* Who holds a write lock on `path` (LevelDB's LOCK file: fcntl F_SETLK, a whole-file write lock),
 * asked without taking it: F_OFD_GETLK reports any conflicting lock, also one held by this very
 * process (an OFD probe belongs to its open file, not to the process). Returns null when nobody
 * holds it (or the file does not exist), else the holder's pid (0 when not known: an OFD lock, or a
 * holder in another pid namespace). The kernel drops a process's locks when it dies, SIGKILL
 * included, so a dead holder is never reported.
 * Caveat for the caller: closing this probe's descriptor drops every traditional lock THIS process
 * holds on the file (POSIX close semantics), so the JS side never probes a lock it holds itself. */
napi_value js_lock_holder(napi_env env, napi_callback_info info) {
  napi_value result;
  char* path = path_argument(env, info, "lockHolder(path: string)");
  if (!path) return NULL;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) {
      free(path);
      return napi_get_null(env, &result), result;
    }
    napi_throw(env, errno_error(env, err, "open", path));
    free(path);
    return NULL;
  }
  struct flock probe = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0, .l_pid = 0};
  if (fcntl(fd, F_OFD_GETLK, &probe) != 0) {
    int err = errno;
    close(fd);
    napi_throw(env, errno_error(env, err, "fcntl", path));
    free(path);
    return NULL;
  }
  close(fd);
  free(path);
  if (probe.l_type == F_UNLCK) return napi_get_null(env, &result), result;
  napi_create_int32(env, probe.l_pid > 0 ? probe.l_pid : 0, &result);
  return result;
}
