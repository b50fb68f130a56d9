import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/points.ts
function parsePoint(option, value) {
  if (/^\d+$/.test(value)) return { seq: Number(value) };
  const text = /^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T00:00:00` : value;
  const time = Date.parse(text);
  if (!/^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(value) || Number.isNaN(time)) {
    throw new RdmJournalError(
      "USAGE",
      `${option} ${JSON.stringify(value)} is neither an op number nor an ISO-8601 time`,
      { hint: `e.g. ${option} 1200, ${option} 2026-11-24T12:00:00Z or ${option} 2026-11-24T13:00:00+01:00 (no zone: local time)` }
    );
  }
  return { time };
}
__name(parsePoint, "parsePoint");
function refusePastHead(journal, option, seq) {
  if (seq < journal.horizon) {
    throw new RdmJournalError(
      "PRUNED",
      `${option} op ${seq} is before the retention horizon, op ${journal.horizon}: files deleted by then were pruned`,
      { hint: `give a point from op ${journal.horizon} on (rdm-journal status shows the restorable range)` }
    );
  }
  if (seq > journal.head) {
    throw new RdmJournalError(
      "USAGE",
      `${option} op ${seq} is past the journal's last op ${journal.head}`,
      { hint: `give an op from 1 to ${journal.head} (rdm-journal status shows the range)` }
    );
  }
}
__name(refusePastHead, "refusePastHead");
function parseDuration(option, value) {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)?$/.exec(value.trim());
  const unit = { s: 1, m: 60, min: 60, h: 3600, d: 86400, w: 604800 };
  if (!match || Number(match[1]) <= 0) {
    throw new RdmJournalError("USAGE", `${option} ${JSON.stringify(value)} is not a duration`, { hint: `e.g. ${option} 90s, 30m, 12h, 7d or 2w` });
  }
  return Number(match[1]) * unit[match[2] ?? "s"] * 1e3;
}
__name(parseDuration, "parseDuration");

export {
  parsePoint,
  refusePastHead,
  parseDuration
};
