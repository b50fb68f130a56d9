/**
 * Points and durations as the command line gives them (`--until`, `--from`, `--at`, `--before`,
 * `--keep`, `--retain`): parsed here, so that the core takes op numbers, times and milliseconds.
 */
import { RdmJournalError } from '../errors.js';
/** Parses `--option VALUE`: a whole number is a seq; a date (local midnight) or date-time is a time. */
export function parsePoint(option, value) {
    if (/^\d+$/.test(value))
        return { seq: Number(value) };
    // A date alone means local midnight (Date.parse would take it as UTC); a date-time without a zone is local.
    const text = /^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T00:00:00` : value;
    const time = Date.parse(text);
    if (!/^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(value) || Number.isNaN(time)) {
        throw new RdmJournalError('USAGE', `${option} ${JSON.stringify(value)} is neither an op number nor an ISO-8601 time`, { hint: `e.g. ${option} 1200, ${option} 2026-11-24T12:00:00Z or ${option} 2026-11-24T13:00:00+01:00 (no zone: local time)` });
    }
    return { time };
}
/** For commands that rebuild the past: a point past the head, or before the retention horizon, is refused. */
export function refusePastHead(journal, option, seq) {
    if (seq < journal.horizon) {
        throw new RdmJournalError('PRUNED', `${option} op ${seq} is before the retention horizon, op ${journal.horizon}: files deleted by then were pruned`, { hint: `give a point from op ${journal.horizon} on (rdm-journal status shows the restorable range)` });
    }
    if (seq > journal.head) {
        throw new RdmJournalError('USAGE', `${option} op ${seq} is past the journal's last op ${journal.head}`, { hint: `give an op from 1 to ${journal.head} (rdm-journal status shows the range)` });
    }
}
/** Parses a retention duration: 90s, 30m, 12h, 7d, 2w (a bare number is seconds). Milliseconds. */
export function parseDuration(option, value) {
    const match = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)?$/.exec(value.trim());
    const unit = { s: 1, m: 60, min: 60, h: 3600, d: 86400, w: 604800 };
    if (!match || Number(match[1]) <= 0) {
        throw new RdmJournalError('USAGE', `${option} ${JSON.stringify(value)} is not a duration`, { hint: `e.g. ${option} 90s, 30m, 12h, 7d or 2w` });
    }
    return Number(match[1]) * unit[(match[2] ?? 's')] * 1000;
}
//# sourceMappingURL=points.js.map