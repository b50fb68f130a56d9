/**
 * A target's cursor store: its control database, `<target>/.rdm-journal/`, a small LevelDB holding
 * the cursor (how far the target is applied, and what it holds of each file) and the `writing` note
 * (a replay is writing the target, or stopped half-way through a batch).
 *
 * LevelDB's lock (fcntl, released by the kernel even on SIGKILL) makes one writer per target, and
 * its synced puts make cursor writes atomic and durable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Level } from 'level';
import { packr } from '../journal/msgpack.js';
import { RdmJournalError, isLevelLocked, isNoSpace } from '../errors.js';
import type { Seq } from '../journal/op.js';
import { openLevelDurably } from '../durable.js';
import { isSafeFileName } from '../packfile.js';
import type { FileTail } from '../file-state.js';

export const CONTROL_DIR = '.rdm-journal';
const CURSOR_VERSION = 1;

/** Which journal a target was made from: its creation time and source path. */
export interface JournalIdentity { createdAt: number; source: string | null }

/** What the target holds of one file: its size and last append, to check it without the journal. */
export interface TargetFile extends FileTail { kept?: boolean }

export interface Cursor {
  version: number;
  journal: JournalIdentity;
  /** Every op up to here is applied and on disk. */
  seq: Seq;
  /** A batch up to this seq was being applied when the cursor was written (null when none). */
  applying: Seq | null;
  files: Record<string, TargetFile>;
  updatedAt: number;
  /**
   * The journal's retention horizon when the last batch was applied (absent: 0). Ops of lives that
   * ended by then were never seen by this target, so it is still valid below that horizon.
   */
  horizon?: Seq;
  /** A `replay --resync` was rewriting the target when this was written: only another one may go on. */
  resyncing?: boolean;
}

type ControlDb = Level<string, Uint8Array>;

/** A target's control database, open and locked for one writer. */
export class CursorStore {
  private constructor(private readonly where: string, private readonly control: ControlDb) {}

  /**
   * Opens (creating if absent) and locks the control database of the target at `where`; reads its
   * cursor (an empty one for a new target) and refuses one made from another journal; then notes
   * that a replay is writing. `hadCursor`: whether a replay had finished a batch here before.
   */
  static async open(where: string, journal: JournalIdentity): Promise<{ store: CursorStore; cursor: Cursor; hadCursor: boolean }> {
    const control = await openControl(where, true);
    try {
      const stored = await control.get('cursor');
      const cursor = stored ? readCursor(where, stored) : emptyCursor(journal);
      checkCursor(where, cursor, journal);
      await control.put('writing', packr.pack({ pid: process.pid, since: Date.now() }), { sync: true })
        .catch((err: unknown) => { throw writeFailure(where, err); });
      return { store: new CursorStore(where, control), cursor, hadCursor: stored !== undefined };
    } catch (err) {
      await control.close();
      throw err;
    }
  }

  /** Writes `cursor`, synced, stamped with the time; returns what was written. */
  async save(cursor: Cursor): Promise<Cursor> {
    const next = { ...cursor, updatedAt: Date.now() };
    try {
      await this.control.put('cursor', packr.pack(next), { sync: true });
    } catch (err) {
      throw writeFailure(this.where, err);
    }
    return next;
  }

  /**
   * Releases the control database, and the lock with it. The writing note goes only when
   * `finished`: a half-applied batch keeps it, and the target is not usable until a replay
   * finishes it. Best effort: it runs after failures (a full disk among them) and must not hide them.
   */
  async close(finished: boolean): Promise<void> {
    try {
      if (finished) await this.control.del('writing', { sync: true });
    } catch {
      // the note stays: the next replay of this target removes it
    } finally {
      await this.control.close().catch(() => {});
    }
  }
}

/**
 * A target's cursor, read without writing anything (for `verify --to`). A target being replayed
 * into is TARGET_LOCKED: its files change under the reader.
 */
export async function readTargetCursor(dir: string): Promise<Cursor> {
  const where = path.resolve(dir);
  if (!fs.existsSync(path.join(where, CONTROL_DIR, 'CURRENT'))) {
    throw new RdmJournalError('TARGET_UNUSABLE', `${where} is not a replay target (no ${CONTROL_DIR}/ with a cursor)`,
      { hint: 'give a directory that a replay or backup wrote', detail: 'not-a-target' });
  }
  const control = await openControl(where, false);
  try {
    const stored = await control.get('cursor');
    if (stored === undefined) {
      throw new RdmJournalError('TARGET_UNUSABLE', `target ${where} has no cursor yet: no replay into it has finished a batch`,
        { hint: 'run the replay into it first' });
    }
    return readCursor(where, stored);
  } finally {
    await control.close();
  }
}

/** The target's control database, open and locked (TARGET_LOCKED when a replay holds it). */
async function openControl(where: string, createIfMissing: boolean): Promise<ControlDb> {
  // A control database whose creation was cut short holds no cursor: it is made again.
  const location = path.join(where, CONTROL_DIR);
  try {
    return await openLevelDurably(location, (create): ControlDb => new Level(location, { keyEncoding: 'utf8', valueEncoding: 'view', createIfMissing: create }),
      { create: createIfMissing });
  } catch (err) {
    throw controlFailure(where, err);
  }
}

function readCursor(where: string, stored: Uint8Array): Cursor {
  try {
    const cursor = packr.unpack(stored) as Cursor;
    // Its file names are joined to the target directory (verify --to opens them): one path component each.
    if (typeof cursor === 'object' && cursor !== null && Number.isSafeInteger(cursor.seq) && typeof cursor.files === 'object' && cursor.files !== null &&
      Object.keys(cursor.files).every((name) => isSafeFileName(name) && name !== CONTROL_DIR)) return cursor;
  } catch {
    // reported below
  }
  throw new RdmJournalError('TARGET_UNUSABLE', `target ${where} has an unreadable cursor in ${path.join(where, CONTROL_DIR)}`,
    { hint: 'replay into a new directory; this one cannot be resumed safely' });
}

function emptyCursor(journal: JournalIdentity): Cursor {
  return { version: CURSOR_VERSION, journal, seq: 0, applying: null, files: {}, updatedAt: 0 };
}

function checkCursor(where: string, cursor: Cursor, journal: JournalIdentity): void {
  if (typeof cursor.version !== 'number' || cursor.version > CURSOR_VERSION) {
    throw new RdmJournalError('TARGET_UNUSABLE', `target ${where} was written by a newer rdm-journal (cursor version ${cursor.version})`,
      { hint: 'upgrade rdm-journal to resume this target' });
  }
  if (cursor.journal.createdAt !== journal.createdAt || cursor.journal.source !== journal.source) {
    throw new RdmJournalError('TARGET_OTHER_JOURNAL',
      `target ${where} was replayed from another journal (of ${cursor.journal.source ?? 'no source'}, created ${new Date(cursor.journal.createdAt).toISOString()})`,
      { hint: 'replay each journal into its own target directory' });
  }
}

function controlFailure(where: string, err: unknown): RdmJournalError {
  const cause = (err as { cause?: unknown }).cause ?? err;
  if (isNoSpace(err)) return writeFailure(where, cause);
  if (isLevelLocked(err)) {
    return new RdmJournalError('TARGET_LOCKED', `target ${where} is being written by another replay or backup`,
      { hint: 'wait for it to finish or stop it; one writer per target', cause: err });
  }
  return new RdmJournalError('TARGET_UNUSABLE', `target ${where} cannot be used: ${(cause as Error).message}`,
    { hint: `check permissions of ${path.join(where, CONTROL_DIR)}`, cause: err });
}

/** A failed write to the target (its files or its cursor) as the error a user acts on. */
export function writeFailure(where: string, err: unknown): RdmJournalError {
  if (err instanceof RdmJournalError) return err;
  // LevelDB reports a full disk as an IO error whose message carries strerror's text.
  if (isNoSpace(err)) {
    return new RdmJournalError('TARGET_NO_SPACE', `target ${where} is out of space: ${(err as Error).message}`,
      { hint: 'free space and run the same replay again: it resumes from its cursor', cause: err });
  }
  return new RdmJournalError('IO_ERROR', `writing target ${where} failed: ${(err as Error).message}`,
    { hint: 'fix the cause and run the same replay again: it resumes from its cursor', cause: err });
}
