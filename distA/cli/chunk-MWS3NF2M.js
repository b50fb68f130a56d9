import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
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
  formatBytes,
  formatTime
} from "./chunk-UQWRIO34.js";
import {
  RdmJournalError
} from "./chunk-J2ICXE75.js";
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/report.ts
import { renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// src/inspect/timeline.ts
var RATE_BINS = 600;
async function buildTimeline(journal, { fromSeq, untilSeq }) {
  const first = await journal.lookup.readOpStampAtOrAfter(fromSeq);
  const last = await journal.lookup.readOpAtOrBefore(untilSeq);
  const fromAt = first?.at ?? Date.now();
  const untilAt = Math.max(last?.at ?? fromAt, fromAt);
  const intervalMs = Math.max(1, Math.ceil((untilAt - fromAt + 1) / RATE_BINS));
  const bins = new Array(RATE_BINS).fill(0);
  const binOf = /* @__PURE__ */ __name((at) => Math.min(RATE_BINS - 1, Math.max(0, Math.floor((at - fromAt) / intervalMs))), "binOf");
  const lives = [];
  const resyncs = [];
  let ops = 0;
  let bytes = 0;
  for await (const file of journal.index.fileNames()) {
    let current = null;
    const open = /* @__PURE__ */ __name((entry, life) => {
      const made = { file, life, startAt: entry.type === "create" ? entry.at : fromAt, endAt: null, endSeq: null, appends: 0, bytes: 0, size: 0 };
      lives.push(made);
      return made;
    }, "open");
    for await (const entry of journal.index.fileOps(file, { after: fromSeq - 1, upTo: untilSeq })) {
      ops += 1;
      if (entry.type === "create") {
        current = open(entry, entry.seq);
      } else if (entry.type === "append") {
        current ??= open(entry, await createBefore(journal, file, fromSeq));
        current.appends += 1;
        current.bytes += entry.length;
        current.size = entry.offset + entry.length;
        bins[binOf(entry.at)] += entry.length;
        bytes += entry.length;
      } else if (entry.type === "delete") {
        current ??= open(entry, await createBefore(journal, file, fromSeq));
        Object.assign(current, { endAt: Math.max(entry.at, current.startAt), endSeq: entry.seq, size: entry.offset });
        current = null;
      } else {
        const op = await journal.index.readFileOp(file, entry);
        if (op.type === "resync") resyncs.push({ seq: op.seq, at: op.at, reason: op.reason, file, detail: op.detail });
      }
    }
  }
  await addUnindexedResyncs(journal, fromSeq, untilSeq, resyncs);
  ops += resyncs.filter((r) => r.file === null).length;
  lives.sort((a, b) => a.startAt - b.startAt || a.life - b.life || a.file.localeCompare(b.file));
  resyncs.sort((a, b) => a.seq - b.seq);
  const cursors = await cursorMarks(journal, fromSeq);
  return {
    journal: journal.location,
    source: journal.source?.path ?? null,
    from: { seq: first?.seq ?? fromSeq, at: fromAt },
    until: { seq: last?.seq ?? untilSeq, at: untilAt },
    lives,
    resyncs,
    rate: { intervalMs, bins },
    cursors,
    ops,
    bytes
  };
}
__name(buildTimeline, "buildTimeline");
async function createBefore(journal, file, fromSeq) {
  if (fromSeq <= 1) return 0;
  for await (const entry of journal.index.fileOps(file, { upTo: fromSeq - 1, reverse: true })) {
    if (entry.type === "create") return entry.seq;
    if (entry.type === "delete") return 0;
  }
  return 0;
}
__name(createBefore, "createBefore");
async function addUnindexedResyncs(journal, fromSeq, untilSeq, resyncs) {
  const [stats, pruned] = [await journal.stats(), await journal.pruned()];
  if (stats.ops.resync - pruned.ops.resync <= resyncs.length) return;
  for await (const op of journal.readOps({ after: fromSeq - 1, upTo: untilSeq })) {
    if (op.type === "resync" && op.file === void 0) resyncs.push({ seq: op.seq, at: op.at, reason: op.reason, file: null, detail: op.detail });
  }
}
__name(addUnindexedResyncs, "addUnindexedResyncs");
async function cursorMarks(journal, fromSeq) {
  const marks = [];
  for (const note of await journal.targets.known()) {
    const op = note.seq >= fromSeq && note.seq > 0 ? await journal.lookup.readOpAtOrBefore(note.seq) : null;
    marks.push({ path: note.path, seq: note.seq, at: op?.at ?? null, updatedAt: note.updatedAt, replica: /^[a-z0-9]+:\/\//.test(note.path) });
  }
  return marks;
}
__name(cursorMarks, "cursorMarks");

// src/cli/report-page.ts
var WIDTH = 1200;
var LEFT = 70;
var RIGHT = 20;
var LANE = 16;
var MAX_LANES = 48;
var RATE_HEIGHT = 140;
var AXIS = 28;
function renderPage(timeline, { utc, generatedAt }) {
  const { from, until } = timeline;
  const plot = WIDTH - LEFT - RIGHT;
  const span = Math.max(1, until.at - from.at);
  const x = /* @__PURE__ */ __name((at) => LEFT + (Math.min(Math.max(at, from.at), until.at) - from.at) / span * plot, "x");
  const time = /* @__PURE__ */ __name((ms) => formatTime(ms, utc), "time");
  const lanes = assignLanes(timeline);
  const laneCount = Math.min(MAX_LANES, Math.max(1, ...lanes.map((l) => l + 1)));
  const livesTop = 24;
  const livesHeight = laneCount * LANE;
  const rateTop = livesTop + livesHeight + 36;
  const axisTop = rateTop + RATE_HEIGHT;
  const height = axisTop + AXIS + 10;
  const parts = [];
  parts.push(`<text x="${LEFT}" y="${livesTop - 8}" class="h">pack-file lives (${timeline.lives.length})</text>`);
  for (const [i, life] of timeline.lives.entries()) {
    const lane = Math.min(lanes[i], MAX_LANES - 1);
    const x0 = x(life.startAt);
    const x1 = Math.max(x0 + 1.5, x(life.endAt ?? until.at));
    const y = livesTop + lane * LANE;
    const state = life.endAt === null ? "live" : "deleted";
    const title = `${life.file}: ${life.life > 0 ? `created op ${life.life}` : "created before this window"} at ${time(life.startAt)}; ` + (life.endAt === null ? "live at the end" : `deleted op ${life.endSeq} at ${time(life.endAt)}`) + `; ${formatBytes(life.size)}, ${life.appends} appends (${formatBytes(life.bytes)}) in this window`;
    parts.push(`<g class="life ${state}" data-file="${esc(life.file)}" data-life="${life.life}"><rect x="${n(x0)}" y="${y + 2}" width="${n(x1 - x0)}" height="${LANE - 4}" rx="2"/>` + (x1 - x0 > 7.5 * life.file.length ? `<text x="${n(x0 + 3)}" y="${y + LANE - 5}">${esc(life.file)}</text>` : "") + `<title>${esc(title)}</title></g>`);
  }
  const rates = timeline.rate.bins.map((bytes) => bytes / (timeline.rate.intervalMs / 1e3));
  const peak = Math.max(1, ...rates);
  parts.push(`<text x="${LEFT}" y="${rateTop - 8}" class="h">write rate (bytes appended per ${formatInterval(timeline.rate.intervalMs)}; peak ${formatBytes(peak)}/s)</text>`);
  parts.push(`<line x1="${LEFT}" y1="${axisTop}" x2="${WIDTH - RIGHT}" y2="${axisTop}" class="axis"/>`);
  parts.push(`<text x="${LEFT - 6}" y="${rateTop + 10}" class="tick" text-anchor="end">${formatBytes(peak)}/s</text>`);
  const binWidth = plot / rates.length;
  for (const [i, rate] of rates.entries()) {
    if (rate === 0) continue;
    const h = Math.max(1, rate / peak * RATE_HEIGHT);
    const start = from.at + i * timeline.rate.intervalMs;
    parts.push(`<rect class="rate" x="${n(LEFT + i * binWidth)}" y="${n(axisTop - h)}" width="${n(Math.max(1, binWidth))}" height="${n(h)}"><title>${esc(`${time(start)}: ${formatBytes(rate)}/s`)}</title></rect>`);
  }
  for (const tick of timeTicks(from.at, until.at)) {
    parts.push(`<line x1="${n(x(tick))}" y1="${axisTop}" x2="${n(x(tick))}" y2="${axisTop + 5}" class="axis"/><text x="${n(x(tick))}" y="${axisTop + 18}" class="tick" text-anchor="middle">${esc(time(tick).slice(span > 864e5 ? 5 : 11, 19).replace("T", " "))}</text>`);
  }
  for (const r of timeline.resyncs) {
    parts.push(`<g class="resync" data-resync="${esc(r.reason)}" data-seq="${r.seq}"><line x1="${n(x(r.at))}" y1="${livesTop - 4}" x2="${n(x(r.at))}" y2="${axisTop}"/><title>${esc(`resync op ${r.seq} at ${time(r.at)}: ${r.reason}${r.file ? ` (${r.file})` : ""}: ${r.detail}`)}</title></g>`);
  }
  for (const [i, c] of timeline.cursors.entries()) {
    if (c.at === null) continue;
    const cx = x(c.at);
    parts.push(`<g class="cursor${c.replica ? " replica" : ""}" data-target="${esc(c.path)}" data-seq="${c.seq}"><line x1="${n(cx)}" y1="${livesTop - 4}" x2="${n(cx)}" y2="${axisTop}"/><text x="${n(Math.min(cx + 3, WIDTH - RIGHT - 4))}" y="${rateTop + 12 + i * 12}" text-anchor="${cx > WIDTH - 260 ? "end" : "start"}">${esc(c.path)}</text><title>${esc(`${c.replica ? "replica" : "target"} ${c.path}: at op ${c.seq} (recorded ${time(c.at)}); last told ${time(c.updatedAt)}`)}</title></g>`);
  }
  const legend = [
    ["life live", "a file alive at the end"],
    ["life deleted", "a file deleted (vacuumed)"],
    ["resync", "a resync: the recorder found something it could not follow op by op"],
    ["cursor", "where a target (or replica) stands"]
  ].map(([cls, text]) => `<span class="key ${cls}"><i></i>${esc(text)}</span>`).join(" ");
  const unknownCursors = timeline.cursors.filter((c) => c.at === null).map((c) => `${esc(c.path)} (op ${c.seq}, before this window)`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>rdm-journal report: ${esc(timeline.source ?? timeline.journal)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:20px;color:#222}
h1{font-size:18px;margin:0 0 4px}
p{margin:2px 0;color:#444}
svg{display:block;margin-top:12px;background:#fff;border:1px solid #ddd}
svg text{font:11px system-ui,sans-serif;fill:#222}
svg text.h{font-weight:600}
svg text.tick{fill:#555}
.axis{stroke:#888}
.life rect{fill:#4a7fb5}
.life.live rect{fill:#3a9a5b}
.life text{fill:#fff;pointer-events:none}
.life:hover rect{fill:#e08a1e}
.rate{fill:#8a6fc2}
.resync line{stroke:#d33;stroke-width:1.5}
.cursor line{stroke:#111;stroke-dasharray:4 3}
.cursor.replica line{stroke:#b07a00}
.key{margin-right:14px;white-space:nowrap}
.key i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.key.life.live i{background:#3a9a5b}.key.life.deleted i{background:#4a7fb5}.key.resync i{background:#d33}.key.cursor i{background:#111}
</style></head><body>
<h1>rdm-journal report</h1>
<p>journal ${esc(timeline.journal)}${timeline.source ? `, source ${esc(timeline.source)}` : ""}</p>
<p>ops ${timeline.from.seq}..${timeline.until.seq}, ${esc(time(timeline.from.at))} to ${esc(time(timeline.until.at))}${utc ? " UTC" : ""}:
${timeline.ops} ops on files, ${formatBytes(timeline.bytes)} appended, ${timeline.lives.length} lives, ${timeline.resyncs.length} resyncs, ${timeline.cursors.length} known targets</p>
${unknownCursors.length > 0 ? `<p>before this window: ${unknownCursors.join(", ")}</p>` : ""}
<p>${legend}</p>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="timeline">
${parts.join("\n")}
</svg>
<p>made by rdm-journal at ${esc(time(generatedAt))}${utc ? " UTC" : ""}</p>
</body></html>
`;
}
__name(renderPage, "renderPage");
function assignLanes(timeline) {
  const ends = [];
  return timeline.lives.map((life) => {
    let lane = ends.findIndex((end) => end < life.startAt);
    if (lane < 0) lane = ends.length;
    ends[lane] = life.endAt ?? Number.POSITIVE_INFINITY;
    return lane;
  });
}
__name(assignLanes, "assignLanes");
function timeTicks(from, until) {
  const steps = [1e3, 2e3, 5e3, 1e4, 3e4, 6e4, 12e4, 3e5, 6e5, 18e5, 36e5, 72e5, 216e5, 432e5, 864e5, 6048e5];
  const step = steps.find((s) => (until - from) / s <= 8) ?? steps[steps.length - 1];
  const ticks = [];
  for (let t = Math.ceil(from / step) * step; t <= until; t += step) ticks.push(t);
  return ticks;
}
__name(timeTicks, "timeTicks");
var n = /* @__PURE__ */ __name((v) => (Math.round(v * 10) / 10).toString(), "n");
var esc = /* @__PURE__ */ __name((text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`), "esc");
function formatInterval(ms) {
  return ms < 1e3 ? `${ms} ms` : ms < 12e4 ? `${(ms / 1e3).toFixed(ms < 1e4 ? 1 : 0)} s` : `${(ms / 6e4).toFixed(1)} min`;
}
__name(formatInterval, "formatInterval");

// src/cli/report.ts
async function report({ journal: dir, from, until, file, utc, out }) {
  const journal = await Journal.open(dir);
  let page;
  let counts;
  try {
    const head = await journal.refresh();
    if (head === 0) throw new RdmJournalError("USAGE", `journal ${journal.location} holds no op yet: there is nothing to draw`, { hint: "run rdm-journal record first" });
    const first = Math.max(1, journal.horizon);
    const fromSeq = from === void 0 ? first : Math.max(first, await resolveFrom(journal, parsePoint("--from", from)));
    const untilSeq = until === void 0 ? head : Math.min(head, await resolveUpTo(journal, parsePoint("--until", until)));
    if (untilSeq < fromSeq) {
      throw new RdmJournalError(
        "USAGE",
        `--from (op ${fromSeq}) is after --until (op ${untilSeq}): the window holds no op`,
        { hint: `give a window within ops ${first}..${head} (rdm-journal status shows the range)` }
      );
    }
    out.progress(`reading ops ${fromSeq}..${untilSeq}`);
    const timeline = await buildTimeline(journal, { fromSeq, untilSeq });
    page = renderPage(timeline, { utc, generatedAt: Date.now() });
    counts = { lives: timeline.lives.length, resyncs: timeline.resyncs.length, targets: timeline.cursors.length, fromSeq, untilSeq };
  } finally {
    await journal.close();
  }
  const where = path.resolve(file);
  const temporary = `${where}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, page);
    renameSync(temporary, where);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw new RdmJournalError(
      "USAGE",
      `cannot write the report to ${where}: ${err.message}`,
      { hint: "give --out a path in a writable directory", cause: err }
    );
  }
  const bytes = statSync(where).size;
  out.result(
    { file: where, bytes, ops: { from: counts.fromSeq, until: counts.untilSeq }, lives: counts.lives, resyncs: counts.resyncs, targets: counts.targets },
    `wrote ${where} (${formatBytes(bytes)}): ops ${counts.fromSeq}..${counts.untilSeq}, ${counts.lives} lives, ${counts.resyncs} resyncs, ${counts.targets} targets`
  );
}
__name(report, "report");
export {
  report
};
