/** `rdm-journal replay --from s3://BUCKET/PREFIX --to DIR`: replay a replica, no local journal needed. */
import { RdmJournalError } from '../errors.js';
import { replayReplica } from '../ship/replica-replay.js';
import { resolveReplicaUpTo } from './replica-inspect.js';
import { formatBytes } from './format.js';
import { openReplica } from './replica.js';
export async function replayFromCommand({ from, targets, noDelete, until, follow, resync, out }) {
    if (targets.length !== 1 || follow || resync) {
        throw new RdmJournalError('USAGE', `replay --from takes one --to and neither --follow nor --resync${targets.length !== 1 ? ` (${targets.length} --to given)` : ''}`, { hint: 'replay --from s3://BUCKET/PREFIX --to DIR [--until SEQ|TIME] [--no-delete]; run it again to apply what was shipped since' });
    }
    const replica = openReplica(from, out);
    const untilSeq = until === undefined ? undefined : await resolveReplicaUpTo(replica, until);
    const r = await replayReplica({
        replica, target: targets[0], until: untilSeq, noDelete,
        onProgress: (p) => out.progress(`${targets[0]}: op ${p.seq}, ${formatBytes(p.bytes)} written`),
    });
    out.result({ replica: replica.url, ...(untilSeq === undefined ? {} : { until: untilSeq }), targets: [r] }, `${r.target}: ${r.ops === 0 ? `already at op ${r.to}` : `applied ops ${r.from + 1}..${r.to} (${r.ops} ops, ${formatBytes(r.bytes)})`} from ${replica.url}`);
}
//# sourceMappingURL=replay-from.js.map