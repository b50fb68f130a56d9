/* JS values and errors built from C, for every file of the binding. */
#include "binding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

void throw_code(napi_env env, const char* code, const char* msg) {
  napi_value c, m, err;
  napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &c);
  napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &m);
  napi_create_error(env, c, m, &err);
  napi_throw(env, err);
}

/* An Error shaped like Node's own system errors: code 'ENOENT', errno -2,
 * syscall, path, message "ENOENT: no such file or directory, syscall 'path'". */
napi_value errno_error(napi_env env, int err, const char* syscall, const char* path) {
  const char* name = uv_err_name(-err);
  const char* text = uv_strerror(-err);
  const char* fmt = path ? "%s: %s, %s '%s'" : "%s: %s, %s%s";
  int len = snprintf(NULL, 0, fmt, name, text, syscall, path ? path : "");
  char* msg = malloc((size_t)len + 1);
  napi_value code, message, error, value;
  if (msg) snprintf(msg, (size_t)len + 1, fmt, name, text, syscall, path ? path : "");
  napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &code);
  napi_create_string_utf8(env, msg ? msg : name, NAPI_AUTO_LENGTH, &message);
  free(msg);
  napi_create_error(env, code, message, &error);
  napi_create_int32(env, -err, &value);
  napi_set_named_property(env, error, "errno", value);
  napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &value);
  napi_set_named_property(env, error, "syscall", value);
  if (path) {
    napi_create_string_utf8(env, path, NAPI_AUTO_LENGTH, &value);
    napi_set_named_property(env, error, "path", value);
  }
  return error;
}

void set_u32(napi_env env, napi_value obj, const char* key, uint32_t v) {
  napi_value value;
  napi_create_uint32(env, v, &value);
  napi_set_named_property(env, obj, key, value);
}

void set_f64(napi_env env, napi_value obj, const char* key, double v) {
  napi_value value;
  napi_create_double(env, v, &value);
  napi_set_named_property(env, obj, key, value);
}

/* The one argument of a call taking a path, as a malloc'ed C string (the caller frees it); NULL with
 * a JS exception pending when it is not a string, holds a NUL byte, or memory runs out. */
char* path_argument(napi_env env, napi_callback_info info, const char* usage) {
  size_t argc = 1, len = 0;
  napi_value argv[1];
  napi_valuetype type = napi_undefined;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc >= 1) napi_typeof(env, argv[0], &type);
  if (type != napi_string) return throw_code(env, "ERR_INVALID_ARG_TYPE", usage), NULL;
  napi_get_value_string_utf8(env, argv[0], NULL, 0, &len);
  char* path = malloc(len + 1);
  if (!path) return throw_code(env, "ENOMEM", "out of memory"), NULL;
  napi_get_value_string_utf8(env, argv[0], path, len + 1, &len);
  if (strlen(path) != len) {
    free(path);
    return throw_code(env, "ERR_INVALID_ARG_VALUE", "path must not contain NUL bytes"), NULL;
  }
  return path;
}
