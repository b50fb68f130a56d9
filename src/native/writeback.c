/* startWriteback(fd, offset, length): asks the kernel to start writing a file's dirty range to disk
 * now (sync_file_range SYNC_FILE_RANGE_WRITE), without waiting for it. The recorder calls it on the
 * bytes it writes ahead of a commit, so the commit's fdatasync finds them mostly written instead of
 * starting the whole write itself. It makes nothing durable (no metadata, no disk cache flush):
 * fdatasync still does that. Best effort: a filesystem that cannot is ignored. */
#include "binding.h"

#include <fcntl.h>

napi_value js_start_writeback(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  int64_t fd = -1, offset = 0, length = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 3 || napi_get_value_int64(env, argv[0], &fd) != napi_ok || napi_get_value_int64(env, argv[1], &offset) != napi_ok ||
      napi_get_value_int64(env, argv[2], &length) != napi_ok || fd < 0 || offset < 0 || length < 0) {
    napi_throw_type_error(env, NULL, "startWriteback(fd: number, offset: number, length: number)");
    return NULL;
  }
  sync_file_range((int)fd, offset, length, SYNC_FILE_RANGE_WRITE);
  return NULL;
}
