{
  "targets": [
    {
      "target_name": "rdm_native",
      "sources": [
        "src/native/binding.c", "src/native/inotify.c", "src/native/crc32c.c",
        "src/native/copy.c", "src/native/fs-facts.c", "src/native/writeback.c", "src/native/js-values.c"
      ],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-fvisibility=hidden"],
      "cflags!": ["-Wno-unused-parameter"],
      "cflags_c": ["-std=gnu11"],
      "configurations": {
        "Release": { "cflags!": ["-O3"] }
      }
    }
  ]
}
