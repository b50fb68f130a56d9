import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/upgrade-progress.ts
function showUpgradeProgress(out, progress) {
  if (progress.step === "data") out.progress("upgrading the journal: writing data files", { value: progress.seq, total: progress.head, unit: "ops" });
  else out.progress(`upgrading the journal: ${progress.records} records checksummed`);
}
__name(showUpgradeProgress, "showUpgradeProgress");

export {
  showUpgradeProgress
};
