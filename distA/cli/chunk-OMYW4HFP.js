import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/journal/points.ts
async function lastOpAtOrBefore(journal, time) {
  const steps = await journal.timeSteps();
  const starts = [1, ...steps];
  for (let run = starts.length - 1; run >= 0; run--) {
    const found = await lastInRun(journal, starts[run], (starts[run + 1] ?? journal.head + 1) - 1, time);
    if (found > 0) return found;
  }
  return 0;
}
__name(lastOpAtOrBefore, "lastOpAtOrBefore");
async function lastInRun(journal, first, last, time) {
  let low = first - 1;
  let high = last + 1;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const op = await journal.lookup.readOpStampAtOrAfter(middle);
    if (op === null || op.seq >= high || op.at > time) high = middle;
    else low = op.seq;
  }
  return low >= first ? low : 0;
}
__name(lastInRun, "lastInRun");
async function resolveUpTo(journal, point) {
  return "seq" in point ? point.seq : lastOpAtOrBefore(journal, point.time);
}
__name(resolveUpTo, "resolveUpTo");
async function resolveFrom(journal, point) {
  return "seq" in point ? point.seq : await lastOpAtOrBefore(journal, point.time - 1) + 1;
}
__name(resolveFrom, "resolveFrom");

export {
  lastOpAtOrBefore,
  resolveUpTo,
  resolveFrom
};
