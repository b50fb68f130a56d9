/**
 * Ops found by seq, where retention may have left gaps: the op at or around a seq, its stamp (kind,
 * time and length, its bytes unread), and the bytes appended up to a seq, from the checkpoints.
 * Status, metrics and time lookups (points.ts) ask stamps and counts for every target: no data
 * file is opened, no op CRC-checked.
 */
import { RdmJournalError } from '../errors.js';
import { packr } from './msgpack.js';
import type { JournalOp, Seq } from './op.js';
import { PREFIX, opKey, readOpStamp, seqKey, seqOfKey, type OpStamp } from './schema.js';
import type { Db } from './open.js';
import type { Journal } from './journal.js';

export class OpLookup {
  /** `database` gives the journal's database as it is read now: an upgrade replaces it. */
  constructor(private readonly journal: Journal, private readonly database: () => Db) {}

  private get db(): Db { return this.database(); }

  /** The op at `seq`, or the first one after it (retention leaves gaps); null past the head. */
  async readOpAtOrAfter(seq: Seq): Promise<JournalOp | null> {
    for await (const [key, value] of this.db.iterator({ gte: opKey(seq), lt: Uint8Array.of(PREFIX.op + 1), limit: 1 })) {
      return this.journal.decodeStored(seqOfKey(key), value);
    }
    return null;
  }

  /** The op at `seq`, or the last one before it (retention leaves gaps); null before the first. */
  async readOpAtOrBefore(seq: Seq): Promise<JournalOp | null> {
    for await (const [key, value] of this.db.iterator({ lte: opKey(seq), gte: opKey(0), reverse: true, limit: 1 })) {
      return this.journal.decodeStored(seqOfKey(key), value);
    }
    return null;
  }

  /** Whether op `seq` exists. */
  async hasOp(seq: Seq): Promise<boolean> {
    return (await this.db.get(opKey(seq))) !== undefined;
  }

  /** Op `seq`'s kind, time and length, its bytes unread; JOURNAL_CORRUPT if it is missing. */
  async readOpStamp(seq: Seq): Promise<OpStamp> {
    const bytes = await this.db.get(opKey(seq));
    if (bytes === undefined) {
      throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${this.journal.location} has no op ${seq} (head is ${this.journal.head})`,
        { hint: 'the journal was damaged; restore it from a copy, or start a new journal' });
    }
    return readOpStamp(seq, bytes);
  }

  /** The stamp of the op at `seq` or the first one after it (retention leaves gaps); null past the head. */
  async readOpStampAtOrAfter(seq: Seq): Promise<OpStamp | null> {
    for await (const [key, value] of this.db.iterator({ gte: opKey(seq), lt: Uint8Array.of(PREFIX.op + 1), limit: 1 })) {
      return readOpStamp(seqOfKey(key), value);
    }
    return null;
  }

  /** Data bytes appended from op 1 up to `seq`: the checkpoint at or before it, plus the ops after that. */
  async appendedAt(seq: Seq): Promise<number> {
    this.journal.requireVersion('counting bytes');
    let from = 0;
    let bytes = 0;
    for await (const [key, value] of this.db.iterator({ lte: seqKey(PREFIX.checkpoint, seq), gte: seqKey(PREFIX.checkpoint, 0), reverse: true, limit: 1 })) {
      from = seqOfKey(key);
      bytes = packr.unpack(value) as number;
    }
    // Lengths from the stored records: no op bytes are read (status asks this for every target).
    for await (const [key, value] of this.db.iterator({ gt: opKey(from), lte: opKey(seq) })) bytes += readOpStamp(seqOfKey(key), value).length;
    return bytes;
  }

  /** Every checkpoint as stored: seq and the bytes appended in ops 1..seq (for `verify`). */
  async *checkpoints(): AsyncGenerator<[Seq, number]> {
    for await (const [key, value] of this.db.iterator({ gte: seqKey(PREFIX.checkpoint, 0), lt: Uint8Array.of(PREFIX.checkpoint + 1) })) {
      yield [seqOfKey(key), packr.unpack(value) as number];
    }
  }
}
