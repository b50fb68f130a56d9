/**
 * A replica: a journal shipped to an object store under a prefix, read-only here (the shipper is the
 * only writer). Layout (journal-format/s3-layout.md):
 *
 *   PREFIX/rdm-journal.json                              the journal's identity, written once
 *   PREFIX/segments/<first seq>-<last seq>.seg           ops first..last, seqs zero-padded to 20 digits
 *
 * A listing in key order is the journal in order. Segments may overlap (a shipper that died after a
 * put and before it learned so ships that range again): readers apply each seq once, from the
 * first segment that holds it, and refuse a gap.
 */
import { RdmJournalError } from '../errors.js';
import type { JournalOp, Seq } from '../journal/op.js';
import type { ObjectStore, ReplicaLocation } from './object-store.js';
import { decodeSegment, type Segment } from './segment.js';

export const IDENTITY_NAME = 'rdm-journal.json';
export const SEGMENTS_DIR = 'segments';
const IDENTITY_FORMAT = 'rdm-journal replica';
const REPLICA_VERSION = 1;
const SEQ_DIGITS = 20;

/** Which journal a replica holds: the same pair a target's cursor records. */
export interface ReplicaIdentity { createdAt: number; source: string | null }

/** A segment as the listing names it. */
export interface SegmentEntry { key: string; first: Seq; last: Seq; size: number }

export class Replica {
  private maxHorizon = 0;

  constructor(readonly store: ObjectStore, readonly location: ReplicaLocation) {}

  get url(): string { return this.location.url; }
  /** The highest retention horizon of the segments read so far: seqs up to it may be missing. */
  get horizon(): Seq { return this.maxHorizon; }

  keyOf(name: string): string { return this.location.prefix === '' ? name : `${this.location.prefix}/${name}`; }

  segmentKey(first: Seq, last: Seq): string {
    return this.keyOf(`${SEGMENTS_DIR}/${String(first).padStart(SEQ_DIGITS, '0')}-${String(last).padStart(SEQ_DIGITS, '0')}.seg`);
  }

  /** The journal this replica holds, or null when nothing was shipped here yet. */
  async identity(): Promise<ReplicaIdentity | null> {
    const key = this.keyOf(IDENTITY_NAME);
    const bytes = await this.store.get(key);
    if (bytes === null) return null;
    let value: { format?: unknown; version?: unknown; createdAt?: unknown; source?: unknown };
    try {
      value = JSON.parse(Buffer.from(bytes).toString('utf8')) as typeof value;
    } catch {
      throw this.corrupt(key, 'it is not JSON');
    }
    if (value?.format !== IDENTITY_FORMAT || typeof value.createdAt !== 'number' || !(typeof value.source === 'string' || value.source === null)) {
      throw this.corrupt(key, `it is not a replica identity (expected {"format":"${IDENTITY_FORMAT}","createdAt":...,"source":...})`);
    }
    if (typeof value.version !== 'number' || value.version > REPLICA_VERSION) {
      throw new RdmJournalError('JOURNAL_VERSION', `replica ${this.url} is version ${String(value.version)}; this rdm-journal reads version ${REPLICA_VERSION}`,
        { hint: 'upgrade rdm-journal' });
    }
    return { createdAt: value.createdAt, source: value.source };
  }

  /** The identity, or REPLICA_NOT_FOUND: for readers, which need one. */
  async requireIdentity(): Promise<ReplicaIdentity> {
    const identity = await this.identity();
    if (identity === null) {
      throw new RdmJournalError('REPLICA_NOT_FOUND', `${this.url} holds no replica (no ${this.keyOf(IDENTITY_NAME)})`,
        { hint: 'check the bucket and prefix; shipping a journal there creates a replica', detail: 'replica-not-found' });
    }
    return identity;
  }

  /**
   * Makes this prefix the replica of the journal `identity`: writes the identity once (a prefix
   * without one), refuses a prefix holding another journal's replica.
   */
  async claim(identity: ReplicaIdentity): Promise<void> {
    const known = await this.identity();
    if (known === null) {
      const body = JSON.stringify({ format: IDENTITY_FORMAT, version: REPLICA_VERSION, createdAt: identity.createdAt, source: identity.source });
      await this.store.put(this.keyOf(IDENTITY_NAME), Buffer.from(body + '\n'));
      return;
    }
    if (known.createdAt !== identity.createdAt || known.source !== identity.source) {
      throw new RdmJournalError('REPLICA_OTHER_JOURNAL',
        `${this.url} holds the replica of another journal (created ${new Date(known.createdAt).toISOString()}, source ${known.source}), not of this one (created ${new Date(identity.createdAt).toISOString()}, source ${identity.source})`,
        { hint: 'give each journal its own prefix' });
    }
  }

  /** The segments, in key order (= seq order), names checked. */
  async *segments(): AsyncGenerator<SegmentEntry> {
    const dir = this.keyOf(`${SEGMENTS_DIR}/`);
    for await (const object of this.store.list(dir)) {
      const match = /^(\d{20})-(\d{20})\.seg$/.exec(object.key.slice(dir.length));
      if (!match) throw this.corrupt(object.key, `its name is not <first seq>-<last seq>.seg with ${SEQ_DIGITS}-digit seqs`);
      const first = Number(match[1]);
      const last = Number(match[2]);
      if (!(first >= 1 && last >= first)) throw this.corrupt(object.key, `its name says ops ${first}..${last}`);
      yield { key: object.key, first, last, size: object.size };
    }
  }

  /**
   * The last seq of the unbroken run of segments from op 1: where shipping goes on. Overlaps are
   * fine; a segment after a gap is ignored here (the range is shipped again and overlaps it).
   */
  async shippedEnd(): Promise<Seq> {
    let end = 0;
    for await (const segment of this.segments()) {
      if (segment.first > end + 1) break;
      end = Math.max(end, segment.last);
    }
    return end;
  }

  /** One segment, fetched, checked against its checksum, its name and the replica's identity. */
  async readSegment(entry: SegmentEntry, identity: ReplicaIdentity): Promise<Segment> {
    const bytes = await this.store.get(entry.key);
    if (bytes === null) throw this.corrupt(entry.key, 'it was listed but cannot be read');
    const segment = decodeSegment(bytes);
    if (typeof segment === 'string') throw this.corrupt(entry.key, segment);
    if (segment.first !== entry.first || segment.last !== entry.last) throw this.corrupt(entry.key, `it holds ops ${segment.first}..${segment.last}`);
    if (segment.journalCreatedAt !== identity.createdAt) {
      throw this.corrupt(entry.key, `it belongs to the journal created ${new Date(segment.journalCreatedAt).toISOString()}, not to this replica's`);
    }
    this.maxHorizon = Math.max(this.maxHorizon, segment.horizon);
    return segment;
  }

  /**
   * Ops with after < seq <= upTo, each once, in order. A seq no segment holds is REPLICA_CORRUPT,
   * unless it is at or below the horizon of the segment covering it (pruned before shipping).
   */
  async *readOps(identity: ReplicaIdentity, { after = 0, upTo = Number.MAX_SAFE_INTEGER }: { after?: Seq; upTo?: Seq } = {}): AsyncGenerator<JournalOp> {
    let position = after;
    // The segments to read, in order, each checked to start where the one before ended.
    const needed: SegmentEntry[] = [];
    for await (const entry of this.segments()) {
      if (position >= upTo) break;
      if (entry.last <= position) continue;
      if (entry.first > position + 1) {
        throw this.corrupt(entry.key, `no segment holds op ${position + 1} (this one starts at op ${entry.first})`);
      }
      needed.push(entry);
      position = Math.min(upTo, entry.last);
    }
    // One segment fetched ahead while the caller applies the one before.
    position = after;
    let next = needed.length > 0 ? this.readSegment(needed[0]!, identity) : null;
    for (let i = 0; next; i++) {
      const segment = await next;
      next = i + 1 < needed.length ? this.readSegment(needed[i + 1]!, identity) : null;
      next?.catch(() => {}); // its failure is reported when it is awaited, in order
      for (const op of segment.ops) {
        if (op.seq > position && op.seq <= upTo) yield op;
      }
      position = Math.min(upTo, segment.last);
    }
  }

  corrupt(key: string, problem: string): RdmJournalError {
    return new RdmJournalError('REPLICA_CORRUPT', `replica object ${this.store.name}/${key} is unusable: ${problem}`,
      { hint: 'the object was damaged or written by another program; ship the journal to a new prefix and replay from there', detail: 'replica-corrupt' });
  }
}
