import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  StdoutStream
} from "./chunk-4USO7O2A.js";
import {
  parsePoint
} from "./chunk-5V3YYJD5.js";
import {
  resolveFrom,
  resolveUpTo
} from "./chunk-OMYW4HFP.js";
import {
  Journal
} from "./chunk-S4MOKPQQ.js";
import "./chunk-AKKEC72L.js";
import "./chunk-R7ETIWN2.js";
import {
  describeOp,
  formatOp
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/log.ts
var KINDS = ["create", "append", "delete", "resync"];
async function log(options) {
  const kinds = parseKinds(options.kinds);
  const journal = await Journal.open(options.journal);
  const stdout = new StdoutStream();
  try {
    const head = await journal.refresh();
    const from = options.from === void 0 ? 1 : await resolveFrom(journal, parsePoint("--from", options.from));
    const until = options.until === void 0 ? head : Math.min(head, await resolveUpTo(journal, parsePoint("--until", options.until)));
    let printed = 0;
    for await (const op of select(journal, options.file, Math.max(0, from - 1), until)) {
      if (!stdout.open || options.limit !== void 0 && printed >= options.limit) break;
      if (kinds && !kinds.has(op.type)) continue;
      await stdout.line(options.out.json ? JSON.stringify(describeOp(op)) : formatOp(op, options.utc));
      printed += 1;
    }
    await stdout.flush();
  } finally {
    await journal.close();
  }
}
__name(log, "log");
async function* select(journal, file, after, upTo) {
  if (file === void 0) {
    yield* journal.readOps({ after, upTo });
    return;
  }
  for await (const entry of journal.index.fileOps(file, { after, upTo })) yield journal.readOp(entry.seq);
}
__name(select, "select");
function parseKinds(given) {
  if (!given || given.length === 0) return null;
  const kinds = /* @__PURE__ */ new Set();
  for (const kind of given.flatMap((k) => k.split(","))) {
    if (!KINDS.includes(kind)) {
      throw new RdmJournalError("USAGE", `--kind ${JSON.stringify(kind)} is not an op kind`, { hint: `use one or more of ${KINDS.join(", ")}` });
    }
    kinds.add(kind);
  }
  return kinds;
}
__name(parseKinds, "parseKinds");
export {
  log
};
