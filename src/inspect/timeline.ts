/**
 * A journal summarised on one time axis, for `rdm-journal report`: every file life from its create
 * to its delete (or the end), the bytes appended per interval, the resyncs with their reasons, and
 * where each known target (and replica) stands. Read from the per-file index, so op data is never
 * read; what is drawn is aggregated (a fixed number of rate intervals), so its size does not grow
 * with the number of ops, only with the number of lives.
 */
import type { IndexEntry, Journal } from '../journal/journal.js';
import type { Seq } from '../journal/op.js';

/** One life of one file: from its create (or the window's start) to its delete (or the window's end). */
export interface Life {
  file: string;
  /** The seq of the create that began it (0: no create recorded, e.g. pruned). Begun before the window: starts at its start. */
  life: Seq;
  startAt: number;
  /** null: still alive at the window's end. */
  endAt: number | null;
  endSeq: Seq | null;
  appends: number;
  /** Bytes appended within the window. */
  bytes: number;
  /** The file's size at the end (its final size for a deleted life). */
  size: number;
}

export interface ResyncMark { seq: Seq; at: number; reason: string; file: string | null; detail: string }
export interface CursorMark { path: string; seq: Seq; at: number | null; updatedAt: number; replica: boolean }

export interface Timeline {
  journal: string;
  source: string | null;
  from: { seq: Seq; at: number };
  until: { seq: Seq; at: number };
  lives: Life[];
  resyncs: ResyncMark[];
  /** Bytes appended in each of `rate.bins.length` equal intervals from `from.at` to `until.at`. */
  rate: { intervalMs: number; bins: number[] };
  cursors: CursorMark[];
  ops: number;
  bytes: number;
}

/** Intervals of the write-rate chart: fine enough to see bursts, small whatever the journal's length. */
export const RATE_BINS = 600;

export interface TimelineOptions { fromSeq: Seq; untilSeq: Seq }

/**
 * Builds the timeline of ops `fromSeq..untilSeq` (both existing ops). One pass over the index of each
 * file name; resync ops are read for their reason (they are few). Resyncs that name no file (a queue
 * overflow) are not in the index: when the counters say some exist, the ops of the window are read
 * once more to find them.
 */
export async function buildTimeline(journal: Journal, { fromSeq, untilSeq }: TimelineOptions): Promise<Timeline> {
  const first = await journal.lookup.readOpStampAtOrAfter(fromSeq); // stamps: no op data is read
  const last = await journal.lookup.readOpAtOrBefore(untilSeq);
  const fromAt = first?.at ?? Date.now();
  const untilAt = Math.max(last?.at ?? fromAt, fromAt);
  const intervalMs = Math.max(1, Math.ceil((untilAt - fromAt + 1) / RATE_BINS));
  const bins = new Array<number>(RATE_BINS).fill(0);
  const binOf = (at: number) => Math.min(RATE_BINS - 1, Math.max(0, Math.floor((at - fromAt) / intervalMs)));
  const lives: Life[] = [];
  const resyncs: ResyncMark[] = [];
  let ops = 0;
  let bytes = 0;
  for await (const file of journal.index.fileNames()) {
    let current: Life | null = null;
    const open = (entry: IndexEntry, life: Seq): Life => {
      const made: Life = { file, life, startAt: entry.type === 'create' ? entry.at : fromAt, endAt: null, endSeq: null, appends: 0, bytes: 0, size: 0 };
      lives.push(made);
      return made;
    };
    for await (const entry of journal.index.fileOps(file, { after: fromSeq - 1, upTo: untilSeq })) {
      ops += 1;
      if (entry.type === 'create') {
        current = open(entry, entry.seq);
      } else if (entry.type === 'append') {
        current ??= open(entry, await createBefore(journal, file, fromSeq));
        current.appends += 1;
        current.bytes += entry.length;
        current.size = entry.offset + entry.length;
        bins[binOf(entry.at)]! += entry.length;
        bytes += entry.length;
      } else if (entry.type === 'delete') {
        current ??= open(entry, await createBefore(journal, file, fromSeq));
        Object.assign(current, { endAt: Math.max(entry.at, current.startAt), endSeq: entry.seq, size: entry.offset });
        current = null;
      } else {
        const op = await journal.index.readFileOp(file, entry);
        if (op.type === 'resync') resyncs.push({ seq: op.seq, at: op.at, reason: op.reason, file, detail: op.detail });
      }
    }
  }
  await addUnindexedResyncs(journal, fromSeq, untilSeq, resyncs);
  ops += resyncs.filter((r) => r.file === null).length;
  lives.sort((a, b) => a.startAt - b.startAt || a.life - b.life || a.file.localeCompare(b.file));
  resyncs.sort((a, b) => a.seq - b.seq);
  const cursors = await cursorMarks(journal, fromSeq);
  return {
    journal: journal.location, source: journal.source?.path ?? null,
    from: { seq: first?.seq ?? fromSeq, at: fromAt }, until: { seq: last?.seq ?? untilSeq, at: untilAt },
    lives, resyncs, rate: { intervalMs, bins }, cursors, ops, bytes,
  };
}

/** The create of the life of `file` that was open when the window starts (0: none recorded, e.g. pruned). */
async function createBefore(journal: Journal, file: string, fromSeq: Seq): Promise<Seq> {
  if (fromSeq <= 1) return 0;
  for await (const entry of journal.index.fileOps(file, { upTo: fromSeq - 1, reverse: true })) {
    if (entry.type === 'create') return entry.seq;
    if (entry.type === 'delete') return 0;
  }
  return 0;
}

/**
 * Resyncs after a queue overflow name no file, so no index holds them. The counters tell whether the
 * journal has more resyncs than the index gave; only then are the window's ops read (a rare case).
 */
async function addUnindexedResyncs(journal: Journal, fromSeq: Seq, untilSeq: Seq, resyncs: ResyncMark[]): Promise<void> {
  const [stats, pruned] = [await journal.stats(), await journal.pruned()];
  if (stats.ops.resync - pruned.ops.resync <= resyncs.length) return;
  for await (const op of journal.readOps({ after: fromSeq - 1, upTo: untilSeq })) {
    if (op.type === 'resync' && op.file === undefined) resyncs.push({ seq: op.seq, at: op.at, reason: op.reason, file: null, detail: op.detail });
  }
}

/** Each target a replay (or a shipper) told the journal about, placed at the time of its cursor's op. */
async function cursorMarks(journal: Journal, fromSeq: Seq): Promise<CursorMark[]> {
  const marks: CursorMark[] = [];
  for (const note of await journal.targets.known()) {
    const op = note.seq >= fromSeq && note.seq > 0 ? await journal.lookup.readOpAtOrBefore(note.seq) : null;
    marks.push({ path: note.path, seq: note.seq, at: op?.at ?? null, updatedAt: note.updatedAt, replica: /^[a-z0-9]+:\/\//.test(note.path) });
  }
  return marks;
}
