/** `rdm-journal ship --to s3://BUCKET/PREFIX [--follow]`: ship the journal's ops to an object store. */
import { Journal } from '../journal/journal.js';
import { ship } from '../ship/shipper.js';
import { formatBytes } from './format.js';
import { openReplica } from './replica.js';
import { untilSignal } from './signals.js';
export async function shipCommand({ to, journal: journalDir, follow, out }) {
    const replica = openReplica(to, out);
    const journal = await Journal.open(journalDir);
    const stop = new AbortController();
    try {
        if (follow) {
            // The handler first: until it is installed, SIGTERM kills (see replay).
            void untilSignal(stop.signal).then((signal) => {
                out.info(`${signal}: shipping what the journal holds, then stopping`);
                stop.abort();
            });
            out.info(`shipping ${journal.location} to ${replica.url}; following until SIGINT/SIGTERM`);
        }
        const result = await ship({
            journal, replica, follow, signal: stop.signal,
            onProgress: (p) => out.progress(`shipping to ${replica.url}`, { value: p.seq, total: p.end, unit: 'ops' }),
        });
        out.result({ journal: journal.location, head: journal.head, ...result }, result.ops === 0 && result.to === result.from ? `${replica.url}: already at op ${result.to}`
            : `${replica.url}: shipped ops ${result.from + 1}..${result.to} (${result.ops} ops, ${formatBytes(result.bytes)}, ${result.segments} segments)`);
    }
    finally {
        stop.abort();
        await journal.close();
    }
}
//# sourceMappingURL=ship.js.map