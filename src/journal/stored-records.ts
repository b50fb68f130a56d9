/**
 * The journal's records as stored, for `verify`: every record (each checked against its seal), the
 * op table undecoded, the stored file states. Verify compares them with what the ops imply.
 */
import type { FileState } from '../file-state.js';
import type { Seq } from './op.js';
import { PREFIX, loadFileStates, opKey, seqOfKey } from './schema.js';
import type { Db } from './open.js';

export class StoredRecords {
  /** `database` gives the journal's database as it is read now: an upgrade replaces it. */
  constructor(private readonly database: () => Db) {}

  private get db(): Db { return this.database(); }

  /**
   * Reads every record, each checked against its seal (format 3), for `verify`: also those no reader
   * looks up, such as a key damage turned into an unknown one. JOURNAL_CORRUPT at the first damaged
   * record that is not an op (ops are reported one by one by the op walk).
   */
  async checkAllRecords(): Promise<number> {
    let records = 0;
    for await (const _ of this.db.iterator({})) records += 1;
    return records;
  }

  /**
   * The raw op table, for `verify`: every key and value as stored, undecoded, so one damaged op is
   * reported and the walk goes on.
   */
  async *rawOps(): AsyncGenerator<[Seq, Uint8Array]> {
    for await (const [key, value] of this.db.iterator({ gte: opKey(0), lt: Uint8Array.of(PREFIX.op + 1) })) yield [seqOfKey(key), value];
  }

  /** The stored file states, read afresh (for `verify`). */
  async fileStates(): Promise<Map<string, FileState>> {
    return loadFileStates(this.db);
  }
}
