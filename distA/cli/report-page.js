import { formatBytes, formatTime } from './format.js';
const WIDTH = 1200;
const LEFT = 70;
const RIGHT = 20;
const LANE = 16;
const MAX_LANES = 48;
const RATE_HEIGHT = 140;
const AXIS = 28;
export function renderPage(timeline, { utc, generatedAt }) {
    const { from, until } = timeline;
    const plot = WIDTH - LEFT - RIGHT;
    const span = Math.max(1, until.at - from.at);
    const x = (at) => LEFT + (Math.min(Math.max(at, from.at), until.at) - from.at) / span * plot;
    const time = (ms) => formatTime(ms, utc);
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
        const state = life.endAt === null ? 'live' : 'deleted';
        const title = `${life.file}: ${life.life > 0 ? `created op ${life.life}` : 'created before this window'} at ${time(life.startAt)}; ` +
            (life.endAt === null ? 'live at the end' : `deleted op ${life.endSeq} at ${time(life.endAt)}`) +
            `; ${formatBytes(life.size)}, ${life.appends} appends (${formatBytes(life.bytes)}) in this window`;
        parts.push(`<g class="life ${state}" data-file="${esc(life.file)}" data-life="${life.life}"><rect x="${n(x0)}" y="${y + 2}" width="${n(x1 - x0)}" height="${LANE - 4}" rx="2"/>` +
            (x1 - x0 > 7.5 * life.file.length ? `<text x="${n(x0 + 3)}" y="${y + LANE - 5}">${esc(life.file)}</text>` : '') +
            `<title>${esc(title)}</title></g>`);
    }
    const rates = timeline.rate.bins.map((bytes) => bytes / (timeline.rate.intervalMs / 1000));
    const peak = Math.max(1, ...rates);
    parts.push(`<text x="${LEFT}" y="${rateTop - 8}" class="h">write rate (bytes appended per ${formatInterval(timeline.rate.intervalMs)}; peak ${formatBytes(peak)}/s)</text>`);
    parts.push(`<line x1="${LEFT}" y1="${axisTop}" x2="${WIDTH - RIGHT}" y2="${axisTop}" class="axis"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${rateTop + 10}" class="tick" text-anchor="end">${formatBytes(peak)}/s</text>`);
    const binWidth = plot / rates.length;
    for (const [i, rate] of rates.entries()) {
        if (rate === 0)
            continue;
        const h = Math.max(1, rate / peak * RATE_HEIGHT);
        const start = from.at + i * timeline.rate.intervalMs;
        parts.push(`<rect class="rate" x="${n(LEFT + i * binWidth)}" y="${n(axisTop - h)}" width="${n(Math.max(1, binWidth))}" height="${n(h)}">` +
            `<title>${esc(`${time(start)}: ${formatBytes(rate)}/s`)}</title></rect>`);
    }
    for (const tick of timeTicks(from.at, until.at)) {
        parts.push(`<line x1="${n(x(tick))}" y1="${axisTop}" x2="${n(x(tick))}" y2="${axisTop + 5}" class="axis"/>` +
            `<text x="${n(x(tick))}" y="${axisTop + 18}" class="tick" text-anchor="middle">${esc(time(tick).slice(span > 86_400_000 ? 5 : 11, 19).replace('T', ' '))}</text>`);
    }
    for (const r of timeline.resyncs) {
        parts.push(`<g class="resync" data-resync="${esc(r.reason)}" data-seq="${r.seq}"><line x1="${n(x(r.at))}" y1="${livesTop - 4}" x2="${n(x(r.at))}" y2="${axisTop}"/>` +
            `<title>${esc(`resync op ${r.seq} at ${time(r.at)}: ${r.reason}${r.file ? ` (${r.file})` : ''}: ${r.detail}`)}</title></g>`);
    }
    for (const [i, c] of timeline.cursors.entries()) {
        if (c.at === null)
            continue;
        const cx = x(c.at);
        parts.push(`<g class="cursor${c.replica ? ' replica' : ''}" data-target="${esc(c.path)}" data-seq="${c.seq}"><line x1="${n(cx)}" y1="${livesTop - 4}" x2="${n(cx)}" y2="${axisTop}"/>` +
            `<text x="${n(Math.min(cx + 3, WIDTH - RIGHT - 4))}" y="${rateTop + 12 + i * 12}" text-anchor="${cx > WIDTH - 260 ? 'end' : 'start'}">${esc(c.path)}</text>` +
            `<title>${esc(`${c.replica ? 'replica' : 'target'} ${c.path}: at op ${c.seq} (recorded ${time(c.at)}); last told ${time(c.updatedAt)}`)}</title></g>`);
    }
    const legend = [
        ['life live', 'a file alive at the end'], ['life deleted', 'a file deleted (vacuumed)'],
        ['resync', 'a resync: the recorder found something it could not follow op by op'], ['cursor', 'where a target (or replica) stands'],
    ].map(([cls, text]) => `<span class="key ${cls}"><i></i>${esc(text)}</span>`).join(' ');
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
<p>journal ${esc(timeline.journal)}${timeline.source ? `, source ${esc(timeline.source)}` : ''}</p>
<p>ops ${timeline.from.seq}..${timeline.until.seq}, ${esc(time(timeline.from.at))} to ${esc(time(timeline.until.at))}${utc ? ' UTC' : ''}:
${timeline.ops} ops on files, ${formatBytes(timeline.bytes)} appended, ${timeline.lives.length} lives, ${timeline.resyncs.length} resyncs, ${timeline.cursors.length} known targets</p>
${unknownCursors.length > 0 ? `<p>before this window: ${unknownCursors.join(', ')}</p>` : ''}
<p>${legend}</p>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="timeline">
${parts.join('\n')}
</svg>
<p>made by rdm-journal at ${esc(time(generatedAt))}${utc ? ' UTC' : ''}</p>
</body></html>
`;
}
/** The first lane free at each life's start (lives are sorted by start). */
function assignLanes(timeline) {
    const ends = [];
    return timeline.lives.map((life) => {
        let lane = ends.findIndex((end) => end < life.startAt);
        if (lane < 0)
            lane = ends.length;
        ends[lane] = life.endAt ?? Number.POSITIVE_INFINITY;
        return lane;
    });
}
/** Round tick times (1 s .. 1 day apart), about eight across the axis. */
function timeTicks(from, until) {
    const steps = [1e3, 2e3, 5e3, 10e3, 30e3, 60e3, 120e3, 300e3, 600e3, 1800e3, 3600e3, 7200e3, 21600e3, 43200e3, 86400e3, 604800e3];
    const step = steps.find((s) => (until - from) / s <= 8) ?? steps[steps.length - 1];
    const ticks = [];
    for (let t = Math.ceil(from / step) * step; t <= until; t += step)
        ticks.push(t);
    return ticks;
}
const n = (v) => (Math.round(v * 10) / 10).toString();
const esc = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function formatInterval(ms) {
    return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s` : `${(ms / 60_000).toFixed(1)} min`;
}
//# sourceMappingURL=report-page.js.map