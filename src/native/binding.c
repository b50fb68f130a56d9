/* The rdm_native addon: registers what src/native/index.ts wraps. The code lives in one file per
 * concern: inotify.c (the Inotify class, with its opener thread), crc32c.c, copy.c (replay's
 * checked copy), fs-facts.c (fsid, lockHolder), writeback.c (startWriteback), js-values.c (JS values and errors). */
#include "binding.h"

#include <sys/inotify.h>

#define METHOD(name, fn) {name, NULL, fn, NULL, NULL, NULL, napi_default_method, NULL}
#define GETTER(name, fn) {name, NULL, NULL, fn, NULL, NULL, napi_configurable, NULL}
#define CONSTANT(c) set_u32(env, constants, #c, c)

NAPI_MODULE_INIT() {
  napi_value cls, constants, fn;
  napi_property_descriptor props[] = {
      METHOD("addWatch", js_add_watch), METHOD("removeWatch", js_remove_watch),
      METHOD("close", js_close),        METHOD("ref", js_ref),
      METHOD("unref", js_unref),        GETTER("fd", js_fd),
      GETTER("closed", js_closed),       GETTER("pending", js_pending),
  };
  napi_define_class(env, "Inotify", NAPI_AUTO_LENGTH, js_new, NULL, sizeof props / sizeof *props, props, &cls);
  napi_set_named_property(env, exports, "Inotify", cls);
  napi_create_function(env, "liveInstances", NAPI_AUTO_LENGTH, js_live_instances, NULL, &fn);
  napi_set_named_property(env, exports, "liveInstances", fn);
  napi_create_function(env, "fsid", NAPI_AUTO_LENGTH, js_fsid, NULL, &fn);
  napi_set_named_property(env, exports, "fsid", fn);
  crc32c_init();
  napi_create_function(env, "crc32c", NAPI_AUTO_LENGTH, js_crc32c, NULL, &fn);
  napi_set_named_property(env, exports, "crc32c", fn);
  napi_create_function(env, "copyRange", NAPI_AUTO_LENGTH, js_copy_range, NULL, &fn);
  napi_set_named_property(env, exports, "copyRange", fn);
  napi_create_function(env, "lockHolder", NAPI_AUTO_LENGTH, js_lock_holder, NULL, &fn);
  napi_set_named_property(env, exports, "lockHolder", fn);
  napi_create_function(env, "startWriteback", NAPI_AUTO_LENGTH, js_start_writeback, NULL, &fn);
  napi_set_named_property(env, exports, "startWriteback", fn);
  napi_create_object(env, &constants);
  CONSTANT(IN_ACCESS); CONSTANT(IN_MODIFY); CONSTANT(IN_ATTRIB); CONSTANT(IN_CLOSE_WRITE);
  CONSTANT(IN_CLOSE_NOWRITE); CONSTANT(IN_OPEN); CONSTANT(IN_MOVED_FROM); CONSTANT(IN_MOVED_TO);
  CONSTANT(IN_CREATE); CONSTANT(IN_DELETE); CONSTANT(IN_DELETE_SELF); CONSTANT(IN_MOVE_SELF);
  CONSTANT(IN_UNMOUNT); CONSTANT(IN_Q_OVERFLOW); CONSTANT(IN_IGNORED); CONSTANT(IN_ONLYDIR);
  CONSTANT(IN_DONT_FOLLOW); CONSTANT(IN_EXCL_UNLINK); CONSTANT(IN_MASK_ADD); CONSTANT(IN_ISDIR);
  CONSTANT(IN_ONESHOT); CONSTANT(IN_ALL_EVENTS);
  napi_set_named_property(env, exports, "constants", constants);
  return exports;
}
