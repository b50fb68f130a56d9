import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  showUpgradeProgress
} from "./chunk-FSINELUH.js";
import {
  Journal
} from "./chunk-S4MOKPQQ.js";
import "./chunk-AKKEC72L.js";
import "./chunk-R7ETIWN2.js";
import "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/upgrade.ts
async function upgrade({ journal: dir, out }) {
  const journal = await Journal.open(dir, { upgrade: true, onUpgradeProgress: /* @__PURE__ */ __name((progress) => showUpgradeProgress(out, progress), "onUpgradeProgress") });
  try {
    const from = journal.upgradedFromVersion ?? journal.version;
    out.result(
      { journal: journal.location, from, to: journal.version },
      from === journal.version ? `journal ${journal.location} is already format ${from}` : `journal ${journal.location}: format ${from} -> ${journal.version} (${journal.head} ops; their bytes moved to data files, every record checksummed)`
    );
  } finally {
    await journal.close();
  }
}
__name(upgrade, "upgrade");
export {
  upgrade
};
