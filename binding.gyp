{
  "targets": [
    {
      "target_name": "rdm_native",
      "sources": ["src/native/binding.c"],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-O2", "-Wall", "-Wextra"],
      "cflags!": ["-Wno-unused-parameter"],
      "cflags_c": ["-std=gnu11"],
      "configurations": {
        "Release": { "cflags!": ["-O3"] }
      }
    }
  ]
}
