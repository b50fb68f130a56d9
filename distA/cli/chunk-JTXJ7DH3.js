import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/signals.ts
function untilSignal(cancel) {
  return new Promise((resolve) => {
    const stop = /* @__PURE__ */ __name((signal) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      process.once("SIGINT", () => process.exit(130));
      process.once("SIGTERM", () => process.exit(143));
      resolve(signal);
    }, "stop");
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    cancel?.addEventListener("abort", () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    }, { once: true });
  });
}
__name(untilSignal, "untilSignal");

export {
  untilSignal
};
