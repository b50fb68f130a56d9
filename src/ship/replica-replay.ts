/**
 * `replay --from`: applies a replica's ops to a target, with a local replay's guarantees: the
 * target's own cursor (Target), checked for divergence before anything is written, resumed after
 * any stop, never rewound past `until`, and tied to the journal the replica holds (its identity
 * is the one a local replay records: a target may go on from either).
 */
import { RdmJournalError } from '../errors.js';
import type { JournalOp, Seq } from '../journal/op.js';
import { Target } from '../replay/target.js';
import type { Replica, ReplicaIdentity } from './replica.js';

const BATCH_BYTES = 8 * 1024 * 1024;
const BATCH_OPS = 4096;

export interface ReplicaReplayOptions {
  replica: Replica;
  target: string;
  /** Stop at this seq (inclusive). */
  until?: Seq;
  noDelete?: boolean;
  onProgress?: (progress: { seq: Seq; bytes: number }) => void;
}

export interface ReplicaReplayResult { target: string; from: Seq; to: Seq; ops: number; bytes: number }

export async function replayReplica(options: ReplicaReplayOptions): Promise<ReplicaReplayResult> {
  const { replica } = options;
  const identity = await replica.requireIdentity();
  const target = await Target.open(options.target, identity);
  try {
    await checkTarget(replica, identity, target, options.until);
    const result: ReplicaReplayResult = { target: target.dir, from: target.seq, to: target.seq, ops: 0, bytes: 0 };
    let batch: JournalOp[] = [];
    let bytes = 0;
    const flush = async () => {
      await target.apply(batch, { noDelete: options.noDelete ?? false, horizon: replica.horizon });
      result.to = target.seq;
      result.ops += batch.length;
      result.bytes += bytes;
      options.onProgress?.({ seq: target.seq, bytes: result.bytes });
      batch = [];
      bytes = 0;
    };
    let first = true;
    for await (const op of replica.readOps(identity, { after: target.seq, upTo: options.until })) {
      if (first) checkExpiry(replica, target, op.seq);
      first = false;
      batch.push(op);
      if (op.type === 'append') bytes += op.data.length;
      if (bytes >= BATCH_BYTES || batch.length >= BATCH_OPS) await flush();
    }
    if (batch.length > 0) await flush();
    return result;
  } finally {
    await target.close();
  }
}

/** The local replay's checks, against the replica: not past --until, not ahead, not diverged. */
async function checkTarget(replica: Replica, identity: ReplicaIdentity, target: Target, until: Seq | undefined): Promise<void> {
  const reached = target.applying ?? target.seq;
  if (until !== undefined && reached > until) {
    throw new RdmJournalError('TARGET_PAST_UNTIL', `target ${target.dir} is already at op ${reached}, past the last op to apply, op ${until}`,
      { hint: 'a target is never rewound: replay to that point into a new directory', detail: 'past-until' });
  }
  const end = await replica.shippedEnd();
  if (target.seq > end) {
    throw new RdmJournalError('TARGET_DIVERGED', `target ${target.dir} is at op ${target.seq} but replica ${replica.url} ends at op ${end}`,
      { hint: 'the replica is behind the journal this target was replayed from: ship it first, or replay into a new directory' });
  }
  const window: JournalOp[] = [];
  if (target.applying !== null) {
    for await (const op of replica.readOps(identity, { after: target.seq, upTo: target.applying })) window.push(op);
  }
  target.checkDivergence(window);
}

/**
 * A target whose next ops were pruned from the journal before they were shipped: the replica,
 * like the journal, no longer holds what it needs (see replay --resync, local only for now).
 */
function checkExpiry(replica: Replica, target: Target, next: Seq): void {
  const cursor = target.cursorState;
  const fresh = cursor.seq === 0 && cursor.applying === null && Object.keys(cursor.files).length === 0;
  if (!fresh && next > cursor.seq + 1 && replica.horizon > Math.max(cursor.seq, cursor.horizon ?? 0)) {
    throw new RdmJournalError('CURSOR_EXPIRED', `target ${target.dir} is at op ${cursor.seq}, but replica ${replica.url} was shipped after a prune to op ${replica.horizon}: ops it needs are gone`,
      { hint: 'replay from the start into a new directory' });
  }
}
