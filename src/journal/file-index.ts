/**
 * The journal's per-file index (keys `i` + file name + seq, journal-format/README.md): a file's ops
 * without reading them, the ops they point to (checked against the entry), every file name ever
 * recorded, the files at an op, and the lives retention may remove. Format 2 and later.
 */
import { RdmJournalError } from '../errors.js';
import { isSafeFileName } from '../packfile.js';
import type { JournalOp, Seq } from './op.js';
import { decodeStoredOpRef, type ReplayOp } from './data-files.js';
import { DAMAGED_HINT, PREFIX, indexFields, indexKey, nameOfIndexKey, opKey, readIndexEntry, type FileLife, type IndexEntry } from './schema.js';
import type { Db } from './open.js';
import type { Journal } from './journal.js';

export class FileIndex {
  /** `database` gives the journal's database as it is read now: an upgrade replaces it. */
  constructor(private readonly journal: Journal, private readonly database: () => Db) {}

  private get db(): Db { return this.database(); }

  /** The ops of one file, from the index (no data is read), with after < seq <= upTo, in order. */
  async *fileOps(name: string, { after = 0, upTo = Number.MAX_SAFE_INTEGER, reverse = false }: { after?: Seq; upTo?: Seq; reverse?: boolean } = {}): AsyncGenerator<IndexEntry> {
    this.journal.requireVersion('per-file queries');
    // No journal holds such a name, and one with a NUL would read the entries of another.
    if (!isSafeFileName(name)) {
      throw new RdmJournalError('NOT_IN_JOURNAL', `journal ${this.journal.location} holds no file named ${JSON.stringify(name)}: file names are single path components`,
        { hint: 'give a file name as the journal holds it (p00000001.pack)', detail: 'file-name-not-a-component' });
    }
    for await (const [key, value] of this.db.iterator({ gt: indexKey(name, after), lte: indexKey(name, upTo), reverse })) {
      yield readIndexEntry(name, key, value);
    }
  }

  /**
   * The op an index entry of `name` points to, checked against the entry: the same kind, on `name`,
   * with the entry's offset and length. An index that points elsewhere is JOURNAL_CORRUPT: what is
   * rebuilt from it (cat, replay --resync) would otherwise hold another file's bytes.
   */
  async readFileOp(name: string, entry: IndexEntry): Promise<JournalOp> {
    return this.checkIndexed(name, entry, await this.journal.readOp(entry.seq));
  }

  /** As readFileOp, but a format 3 append comes by reference to its data file (readOpRefs). */
  async readFileOpRef(name: string, entry: IndexEntry): Promise<ReplayOp> {
    const bytes = await this.db.get(opKey(entry.seq));
    if (bytes === undefined || !this.journal.dataFiles) return this.readFileOp(name, entry);
    return this.checkIndexed(name, entry, decodeStoredOpRef(entry.seq, bytes));
  }

  private checkIndexed<T extends ReplayOp>(name: string, entry: IndexEntry, op: T): T {
    const [offset, length] = op.type === 'append' && !('data' in op) ? [op.offset, op.length] : indexFields(op as JournalOp);
    const fits = op.type === entry.type && op.file === name && offset === entry.offset && length === entry.length;
    if (!fits) {
      throw new RdmJournalError('JOURNAL_CORRUPT',
        `journal index entry of ${name} at op ${entry.seq} says ${entry.type} (offset ${entry.offset}, length ${entry.length}); ` +
        `op ${entry.seq} is ${op.type}${op.file === undefined ? '' : ' of ' + op.file} (offset ${offset}, length ${length})`,
        { hint: DAMAGED_HINT });
    }
    return op;
  }

  /** Every file name the journal has ever recorded, in byte order of their UTF-8. */
  async *fileNames(): AsyncGenerator<string> {
    this.journal.requireVersion('per-file queries');
    let from = Uint8Array.of(PREFIX.index);
    for (;;) {
      let name: string | null = null;
      for await (const key of this.db.keys({ gte: from, lt: Uint8Array.of(PREFIX.index + 1), limit: 1 })) {
        name = nameOfIndexKey(key);
        const body = key.subarray(1, key.length - 9);
        // The next name sorts after every key of this one: name + 0x01 > name + 0x00 + seq.
        from = Buffer.concat([Uint8Array.of(PREFIX.index), body, Uint8Array.of(1)]);
      }
      if (name === null) return;
      yield name;
    }
  }

  /** The files that existed after op `seq`, and their sizes then: two index reads per file ever recorded. */
  async filesAt(seq: Seq): Promise<Map<string, { size: number; createdSeq: Seq }>> {
    const files = new Map<string, { size: number; createdSeq: Seq }>();
    for await (const name of this.fileNames()) {
      let size: number | null = null;
      for await (const entry of this.fileOps(name, { upTo: seq, reverse: true })) {
        if (entry.type === 'resync') continue;
        if (size === null) {
          if (entry.type === 'delete') break;
          size = entry.type === 'append' ? entry.offset + entry.length : 0;
        }
        if (entry.type === 'create') {
          files.set(name, { size, createdSeq: entry.seq });
          break;
        }
      }
    }
    return files;
  }

  /**
   * The lives of files that ended (were deleted) at or before `horizon`, with all their index
   * entries, resyncs naming them within the life included: what a prune to `horizon` removes.
   * Reads the index only. Yields per file name, in name order.
   */
  async *livesEndedBy(horizon: Seq): AsyncGenerator<FileLife> {
    for await (const name of this.fileNames()) {
      let life: IndexEntry[] = [];
      for await (const entry of this.fileOps(name, { upTo: horizon })) {
        if (entry.type === 'create') life = [entry];
        else if (life.length > 0) life.push(entry);
        if (entry.type === 'delete' && life.length > 0) {
          yield { name, entries: life };
          life = [];
        }
      }
    }
  }
}
