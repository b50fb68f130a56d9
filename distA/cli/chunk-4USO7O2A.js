import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/stdout.ts
import { once } from "node:events";
var CHUNK_BYTES = 64 * 1024;
var LINGER_MS = 5;
var StdoutStream = class {
  static {
    __name(this, "StdoutStream");
  }
  gone = false;
  pending = [];
  pendingBytes = 0;
  timer = null;
  onError = /* @__PURE__ */ __name((err) => {
    if (err.code === "EPIPE") this.gone = true;
    else throw err;
  }, "onError");
  constructor() {
    process.stdout.on("error", this.onError);
  }
  /** False once the reader is gone: stop producing. */
  get open() {
    return !this.gone;
  }
  async write(chunk) {
    await this.flush();
    return this.send(chunk);
  }
  /** Queues a line; resolves false once the reader is gone. */
  async line(text) {
    if (this.gone) return false;
    this.pending.push(text, "\n");
    this.pendingBytes += text.length + 1;
    if (this.pendingBytes >= CHUNK_BYTES) return this.flush();
    this.timer ??= setTimeout(() => {
      void this.flush();
    }, LINGER_MS);
    return true;
  }
  /** Writes what is queued; call at the end of a listing. */
  async flush() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.length === 0) return !this.gone;
    const text = this.pending.join("");
    this.pending = [];
    this.pendingBytes = 0;
    return this.send(text);
  }
  async send(chunk) {
    if (this.gone) return false;
    let flowing;
    try {
      flowing = process.stdout.write(chunk);
    } catch (err) {
      this.onError(err);
      return false;
    }
    if (!flowing) {
      await Promise.race([once(process.stdout, "drain"), once(process.stdout, "close")]).catch(() => {
        this.gone = true;
      });
    }
    return !this.gone;
  }
};

export {
  StdoutStream
};
