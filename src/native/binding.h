/* What the binding's C files share: the helpers that build JS values and errors, and the
 * functions binding.c registers as exports (one file per concern: inotify.c, crc32c.c, copy.c,
 * fs-facts.c, js-values.c). Shared between the files, not exported: binding.gyp compiles with
 * -fvisibility=hidden, so the addon exports only its module init, as when it was one file. */
#ifndef RDM_BINDING_H
#define RDM_BINDING_H

#define _GNU_SOURCE /* pipe2, F_OFD_GETLK, copy_file_range, sync_file_range */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <node_api.h>

/* js-values.c */
void throw_code(napi_env env, const char* code, const char* msg);
napi_value errno_error(napi_env env, int err, const char* syscall, const char* path);
void set_u32(napi_env env, napi_value obj, const char* key, uint32_t v);
void set_f64(napi_env env, napi_value obj, const char* key, double v);
char* path_argument(napi_env env, napi_callback_info info, const char* usage);

/* inotify.c: the Inotify class and its methods */
napi_value js_new(napi_env env, napi_callback_info info);
napi_value js_add_watch(napi_env env, napi_callback_info info);
napi_value js_remove_watch(napi_env env, napi_callback_info info);
napi_value js_close(napi_env env, napi_callback_info info);
napi_value js_ref(napi_env env, napi_callback_info info);
napi_value js_unref(napi_env env, napi_callback_info info);
napi_value js_fd(napi_env env, napi_callback_info info);
napi_value js_closed(napi_env env, napi_callback_info info);
napi_value js_pending(napi_env env, napi_callback_info info);
napi_value js_live_instances(napi_env env, napi_callback_info info);

/* crc32c.c */
void crc32c_init(void);
uint32_t crc32c(const unsigned char* p, size_t n, bool software);
napi_value js_crc32c(napi_env env, napi_callback_info info);

/* copy.c */
napi_value js_copy_range(napi_env env, napi_callback_info info);

/* fs-facts.c */
napi_value js_fsid(napi_env env, napi_callback_info info);
napi_value js_lock_holder(napi_env env, napi_callback_info info);

/* writeback.c */
napi_value js_start_writeback(napi_env env, napi_callback_info info);

#endif
