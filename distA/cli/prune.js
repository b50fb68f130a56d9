/** `rdm-journal prune`: retention by hand (record --retain does it while recording). */
import { RdmJournalError } from '../errors.js';
import { Journal } from '../journal/journal.js';
import { lastOpAtOrBefore } from '../journal/points.js';
import { prune } from '../upkeep/prune.js';
import { parseDuration, parsePoint } from './points.js';
import { formatBytes, formatTime } from './format.js';
export async function pruneCommand({ journal: dir, before, keep, dryRun, force, utc, out }) {
    if ((before === undefined) === (keep === undefined)) {
        throw new RdmJournalError('USAGE', 'prune needs exactly one of --before SEQ|TIME and --keep DURATION', { hint: 'e.g. rdm-journal prune --keep 7d, or rdm-journal prune --before 2026-11-01' });
    }
    const keepMs = keep === undefined ? undefined : parseDuration('--keep', keep);
    const point = before === undefined ? undefined : parsePoint('--before', before);
    const journal = await Journal.open(dir);
    try {
        await journal.refresh();
        // Lives that ended before the point go: the horizon is the last op before it.
        const horizon = point && 'seq' in point ? Math.max(0, point.seq - 1)
            : await lastOpAtOrBefore(journal, (point && 'time' in point ? point.time : Date.now() - keepMs) - 1);
        const result = await prune(journal, { horizon, dryRun, force,
            onProgress: (p) => out.progress(`${dryRun ? 'looking at' : 'pruning'} lives ended by op ${horizon}: ${p.files} files, ${p.ops} ops, ${formatBytes(p.bytes)}`) });
        const at = result.horizon > 0 ? (await journal.lookup.readOpAtOrAfter(result.horizon))?.at : undefined;
        const where = result.horizon === 0 ? 'the first op' : `op ${result.horizon}${at === undefined ? '' : ` (${formatTime(at, utc)})`}`;
        const lines = [dryRun
                ? `would prune ${result.files} files whose life ended by op ${result.horizon}: ${result.ops} ops, ${formatBytes(result.bytes)}`
                : `pruned ${result.files} files whose life ended by op ${result.horizon}: ${result.ops} ops, ${formatBytes(result.bytes)}` +
                    (result.ops === 0 ? '' : result.compacted ? '; space returned (compacted)' : '; space is returned as the journal\'s host compacts')];
        lines.push(`restorable from ${where} on`);
        for (const t of result.expired) {
            lines.push(dryRun ? `blocked by target ${t.path} at op ${t.seq} (replay it first, or --force to expire it)`
                : `expired target ${t.path} (was at op ${t.seq}): rebuild it with rdm-journal replay --resync --to ${t.path}`);
        }
        out.result({ ...result, restorableFrom: { seq: result.horizon, at: at === undefined ? null : new Date(at).toISOString() } }, lines.join('\n'));
    }
    finally {
        await journal.close();
    }
}
//# sourceMappingURL=prune.js.map