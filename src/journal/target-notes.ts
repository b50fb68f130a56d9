/**
 * Target notes: where each replay's target (or shipped replica) is and how far it got, kept in the
 * journal (keys `t` + path) for `status`, metrics and prune. Best effort: the target's own cursor
 * is the truth, and a note may be stale.
 */
import { packr } from './msgpack.js';
import { PREFIX, prefixed, type TargetNote } from './schema.js';
import type { Db } from './open.js';

export class TargetNotes {
  /** `database` gives the journal's database as it is read now: an upgrade replaces it. */
  constructor(private readonly database: () => Db) {}

  /** Remembers where a target's cursor is, for `status` (best effort: the target's own cursor is the truth). */
  async note(note: TargetNote): Promise<void> {
    await this.database().batch([{ type: 'put', key: prefixed(PREFIX.target, note.path), value: packr.pack(note) }]);
  }

  /** The targets replays have told this journal about. */
  async known(): Promise<TargetNote[]> {
    const notes: TargetNote[] = [];
    for await (const [, value] of this.database().iterator({ gte: Uint8Array.of(PREFIX.target), lt: Uint8Array.of(PREFIX.target + 1) })) {
      notes.push(packr.unpack(value) as TargetNote);
    }
    return notes;
  }
}
