/**
 * The shipper: uploads the journal's committed ops, in order, as immutable segment objects, and
 * keeps its position as a note in the journal (like a target's: `status` shows it, `prune` respects it).
 *
 * Crash windows: the position is derived from the replica's listing on every start, never from the
 * note alone. Killed after a put and before the note, it finds the segment listed and goes on after
 * it; killed during a put, the object is absent or whole (S3 puts are atomic) and the range is
 * shipped again. A listing that lags a put (an eventually consistent store) makes it ship a range
 * twice: readers apply each seq once, so an overlap is harmless, and no object is ever rewritten.
 */
import { RdmJournalError } from '../errors.js';
import type { Journal } from '../journal/journal.js';
import type { JournalOp, Seq } from '../journal/op.js';
import type { Replica } from './replica.js';
import { encodeSegment } from './segment.js';

/** A segment closes at this many bytes of data or ops, whichever comes first. */
export const SEGMENT_BYTES = 8 * 1024 * 1024;
export const SEGMENT_OPS = 4096;

export interface ShipOptions {
  journal: Journal;
  replica: Replica;
  /** Keep shipping as ops are committed (by any process) until `signal` aborts. */
  follow?: boolean;
  /** Ends `follow`: the shipper then ships what the journal holds and returns. */
  signal?: AbortSignal;
  onProgress?: (progress: ShipProgress) => void;
}

export interface ShipProgress { seq: Seq; end: Seq; bytes: number }
export interface ShipResult { replica: string; from: Seq; to: Seq; segments: number; ops: number; bytes: number }

export async function ship(options: ShipOptions): Promise<ShipResult> {
  const { journal, replica } = options;
  await replica.claim({ createdAt: journal.createdAt, source: journal.source?.path ?? null });
  let position = await replica.shippedEnd();
  const head = await journal.refresh();
  if (position > head) {
    throw new RdmJournalError('REPLICA_DIVERGED', `${replica.url} holds ops up to ${position}, but journal ${journal.location} ends at op ${head}`,
      { hint: 'the journal lost ops (restored from an older copy?); ship it to a new prefix' });
  }
  const result: ShipResult = { replica: replica.url, from: position, to: position, segments: 0, ops: 0, bytes: 0 };
  await noteReplica(journal, replica, position);
  const noteShipped = async (seq: Seq) => {
    result.to = seq;
    await noteReplica(journal, replica, seq);
    options.onProgress?.({ seq, end: journal.head, bytes: result.bytes });
  };
  for (;;) {
    // Stopping ships what the journal holds once the stop came, in one more round.
    const stopping = options.signal?.aborted ?? false;
    const end = await journal.refresh();
    // One put in flight while the next segment is read and encoded: puts stay in seq order, one at
    // a time, so a crash still leaves an unbroken run of segments from op 1.
    let inFlight: Promise<Seq> | null = null;
    while (position < end) {
      const segment = await readSegment(journal, position, end, result);
      if (inFlight) await noteShipped(await inFlight);
      inFlight = replica.store.put(replica.segmentKey(segment.first, segment.last), segment.body).then(() => segment.last);
      inFlight.catch(() => {}); // a failed put is reported where it is awaited, not as an unhandled rejection
      position = segment.last;
    }
    if (inFlight) await noteShipped(await inFlight);
    if (!options.follow || stopping) break;
    await journal.waitForOps(end, options.signal);
  }
  return result;
}

/** Reads and encodes the ops after `position`, up to `end` and one segment's worth. */
async function readSegment(journal: Journal, position: Seq, end: Seq, result: ShipResult): Promise<{ first: Seq; last: Seq; body: Buffer }> {
  const ops: JournalOp[] = [];
  let bytes = 0;
  let full = false;
  for await (const op of journal.readOps({ after: position, upTo: end })) {
    ops.push(op);
    if (op.type === 'append') bytes += op.data.length;
    if (bytes >= SEGMENT_BYTES || ops.length >= SEGMENT_OPS) {
      full = true;
      break;
    }
  }
  // Ops up to `end` that were not read were pruned (readOps allows gaps only up to the horizon).
  const last = full ? ops[ops.length - 1]!.seq : end;
  const body = encodeSegment({ first: position + 1, last, horizon: journal.horizon, journalCreatedAt: journal.createdAt, shippedAt: Date.now(), ops });
  result.segments += 1;
  result.ops += ops.length;
  result.bytes += bytes;
  return { first: position + 1, last, body };
}

/**
 * Tells the journal where the replica is, as a target note named by its URL. Best effort, as for
 * targets: the listing is the truth; a lost note costs a stale `status` (and a prune held back less).
 */
async function noteReplica(journal: Journal, replica: Replica, seq: Seq): Promise<void> {
  await journal.targets.note({ path: replica.url, seq, horizon: journal.horizon, updatedAt: Date.now() }).catch(() => {});
}
