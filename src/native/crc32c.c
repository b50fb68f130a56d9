/* CRC-32C (Castagnoli), the checksum of the journal's op bytes: SSE4.2's crc32 instruction when
 * the CPU has it, a table otherwise. Replay's copy (copy.c) checks every range with it. */
#include "binding.h"

#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

static uint32_t crc32c_table[256];

static void crc32c_init_table(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0x82F63B78u & (0u - (c & 1u)));
    crc32c_table[i] = c;
  }
}

static uint32_t crc32c_software(uint32_t crc, const unsigned char* p, size_t n) {
  while (n--) crc = crc32c_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2")))
static uint32_t crc32c_sse42(uint32_t crc, const unsigned char* p, size_t n) {
  uint64_t c = crc;
  for (; n > 0 && ((uintptr_t)p & 7) != 0; n--) c = _mm_crc32_u8((uint32_t)c, *p++);
  for (; n >= 8; n -= 8, p += 8) {
    uint64_t word;
    memcpy(&word, p, 8);
    c = _mm_crc32_u64(c, word);
  }
  for (; n > 0; n--) c = _mm_crc32_u8((uint32_t)c, *p++);
  return (uint32_t)c;
}
#endif

static bool have_sse42;

/* Fills the table and asks the CPU once, when the module loads. */
void crc32c_init(void) {
  crc32c_init_table();
#if defined(__x86_64__)
  __builtin_cpu_init();
  have_sse42 = __builtin_cpu_supports("sse4.2");
#endif
}

/* CRC-32C (Castagnoli) as @node-rs/crc32's crc32c gives it: initial and final complement. */
uint32_t crc32c(const unsigned char* p, size_t n, bool software) {
#if defined(__x86_64__)
  if (have_sse42 && !software) return ~crc32c_sse42(~0u, p, n);
#endif
  return ~crc32c_software(~0u, p, n);
}

/* crc32c(data: Uint8Array, software?: boolean): number. `software` forces the table (tests). */
napi_value js_crc32c(napi_env env, napi_callback_info info) {
  size_t argc = 2, length = 0;
  napi_value argv[2], result;
  bool is_typed = false, software = false;
  void* data = NULL;
  napi_typedarray_type type;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc >= 1) napi_is_typedarray(env, argv[0], &is_typed);
  if (!is_typed) return throw_code(env, "ERR_INVALID_ARG_TYPE", "crc32c(data: Uint8Array, software?: boolean)"), NULL;
  napi_get_typedarray_info(env, argv[0], &type, &length, &data, NULL, NULL);
  if (type != napi_uint8_array) return throw_code(env, "ERR_INVALID_ARG_TYPE", "crc32c(data: Uint8Array, software?: boolean)"), NULL;
  if (argc >= 2) napi_get_value_bool(env, argv[1], &software);
  napi_create_uint32(env, crc32c(data, length, software), &result);
  return result;
}
