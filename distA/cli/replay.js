/** `rdm-journal replay --to <target-dir> ...`: apply the journal to targets, each from its cursor. */
import path from 'node:path';
import { Journal } from '../journal/journal.js';
import { resolveUpTo } from '../journal/points.js';
import { parsePoint } from './points.js';
import { replay } from '../replay/replayer.js';
import { untilSignal } from './signals.js';
import { reportReplay } from './replay-report.js';
export async function replayCommand({ targets, journal: journalDir, follow, noDelete, until, resync, metrics: metricsAt, out }) {
    const journal = await Journal.open(journalDir);
    const stop = new AbortController();
    const cursors = new Map();
    let metrics = null;
    try {
        metrics = metricsAt === undefined ? null : await (await import('./metrics.js')).startMetrics(metricsAt, { journal, targets: { paths: targets.map((t) => path.resolve(t)), cursors } }, out);
        const untilSeq = until === undefined ? undefined : await resolveUpTo(journal, parsePoint('--until', until));
        if (follow) {
            // The handler first: until it is installed, SIGTERM kills (a script stopping us the moment
            // we announce ourselves would lose the clean stop).
            void untilSignal(stop.signal).then((signal) => {
                out.info(`${signal}: applying what the journal holds, then stopping`);
                stop.abort();
            });
            out.info(`replaying ${journal.location} to ${targets.map((t) => path.resolve(t)).join(', ')}; following until SIGINT/SIGTERM`);
        }
        const results = await replay({
            journal, targets, until: untilSeq, follow, noDelete, resync, signal: stop.signal,
            onProgress: (p) => {
                cursors.set(p.target, p.seq);
                out.progress(`replaying to ${p.target}`, { value: p.seq, total: p.end, unit: 'ops' });
            },
        });
        reportReplay(out, journal, results, untilSeq);
    }
    finally {
        stop.abort();
        await metrics?.close();
        await journal.close();
    }
}
//# sourceMappingURL=replay.js.map