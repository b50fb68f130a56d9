import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  require_level
} from "./chunk-7UX3QION.js";
import {
  openLevelDurably
} from "./chunk-AKKEC72L.js";
import {
  isSafeFileName,
  packr
} from "./chunk-R7ETIWN2.js";
import {
  RdmJournalError,
  isLevelLocked,
  isNoSpace
} from "./chunk-J2ICXE75.js";
import {
  __name,
  __toESM
} from "./chunk-AACPVLIA.js";

// src/replay/cursor.ts
var import_level = __toESM(require_level(), 1);
import fs from "node:fs";
import path from "node:path";
var CONTROL_DIR = ".rdm-journal";
var CURSOR_VERSION = 1;
var CursorStore = class _CursorStore {
  constructor(where, control) {
    this.where = where;
    this.control = control;
  }
  where;
  control;
  static {
    __name(this, "CursorStore");
  }
  /**
   * Opens (creating if absent) and locks the control database of the target at `where`; reads its
   * cursor (an empty one for a new target) and refuses one made from another journal; then notes
   * that a replay is writing. `hadCursor`: whether a replay had finished a batch here before.
   */
  static async open(where, journal) {
    const control = await openControl(where, true);
    try {
      const stored = await control.get("cursor");
      const cursor = stored ? readCursor(where, stored) : emptyCursor(journal);
      checkCursor(where, cursor, journal);
      await control.put("writing", packr.pack({ pid: process.pid, since: Date.now() }), { sync: true }).catch((err) => {
        throw writeFailure(where, err);
      });
      return { store: new _CursorStore(where, control), cursor, hadCursor: stored !== void 0 };
    } catch (err) {
      await control.close();
      throw err;
    }
  }
  /** Writes `cursor`, synced, stamped with the time; returns what was written. */
  async save(cursor) {
    const next = { ...cursor, updatedAt: Date.now() };
    try {
      await this.control.put("cursor", packr.pack(next), { sync: true });
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
  async close(finished) {
    try {
      if (finished) await this.control.del("writing", { sync: true });
    } catch {
    } finally {
      await this.control.close().catch(() => {
      });
    }
  }
};
async function readTargetCursor(dir) {
  const where = path.resolve(dir);
  if (!fs.existsSync(path.join(where, CONTROL_DIR, "CURRENT"))) {
    throw new RdmJournalError(
      "TARGET_UNUSABLE",
      `${where} is not a replay target (no ${CONTROL_DIR}/ with a cursor)`,
      { hint: "give a directory that a replay or backup wrote", detail: "not-a-target" }
    );
  }
  const control = await openControl(where, false);
  try {
    const stored = await control.get("cursor");
    if (stored === void 0) {
      throw new RdmJournalError(
        "TARGET_UNUSABLE",
        `target ${where} has no cursor yet: no replay into it has finished a batch`,
        { hint: "run the replay into it first" }
      );
    }
    return readCursor(where, stored);
  } finally {
    await control.close();
  }
}
__name(readTargetCursor, "readTargetCursor");
async function openControl(where, createIfMissing) {
  const location = path.join(where, CONTROL_DIR);
  try {
    return await openLevelDurably(
      location,
      (create) => new import_level.Level(location, { keyEncoding: "utf8", valueEncoding: "view", createIfMissing: create }),
      { create: createIfMissing }
    );
  } catch (err) {
    throw controlFailure(where, err);
  }
}
__name(openControl, "openControl");
function readCursor(where, stored) {
  try {
    const cursor = packr.unpack(stored);
    if (typeof cursor === "object" && cursor !== null && Number.isSafeInteger(cursor.seq) && typeof cursor.files === "object" && cursor.files !== null && Object.keys(cursor.files).every((name) => isSafeFileName(name) && name !== CONTROL_DIR)) return cursor;
  } catch {
  }
  throw new RdmJournalError(
    "TARGET_UNUSABLE",
    `target ${where} has an unreadable cursor in ${path.join(where, CONTROL_DIR)}`,
    { hint: "replay into a new directory; this one cannot be resumed safely" }
  );
}
__name(readCursor, "readCursor");
function emptyCursor(journal) {
  return { version: CURSOR_VERSION, journal, seq: 0, applying: null, files: {}, updatedAt: 0 };
}
__name(emptyCursor, "emptyCursor");
function checkCursor(where, cursor, journal) {
  if (typeof cursor.version !== "number" || cursor.version > CURSOR_VERSION) {
    throw new RdmJournalError(
      "TARGET_UNUSABLE",
      `target ${where} was written by a newer rdm-journal (cursor version ${cursor.version})`,
      { hint: "upgrade rdm-journal to resume this target" }
    );
  }
  if (cursor.journal.createdAt !== journal.createdAt || cursor.journal.source !== journal.source) {
    throw new RdmJournalError(
      "TARGET_OTHER_JOURNAL",
      `target ${where} was replayed from another journal (of ${cursor.journal.source ?? "no source"}, created ${new Date(cursor.journal.createdAt).toISOString()})`,
      { hint: "replay each journal into its own target directory" }
    );
  }
}
__name(checkCursor, "checkCursor");
function controlFailure(where, err) {
  const cause = err.cause ?? err;
  if (isNoSpace(err)) return writeFailure(where, cause);
  if (isLevelLocked(err)) {
    return new RdmJournalError(
      "TARGET_LOCKED",
      `target ${where} is being written by another replay or backup`,
      { hint: "wait for it to finish or stop it; one writer per target", cause: err }
    );
  }
  return new RdmJournalError(
    "TARGET_UNUSABLE",
    `target ${where} cannot be used: ${cause.message}`,
    { hint: `check permissions of ${path.join(where, CONTROL_DIR)}`, cause: err }
  );
}
__name(controlFailure, "controlFailure");
function writeFailure(where, err) {
  if (err instanceof RdmJournalError) return err;
  if (isNoSpace(err)) {
    return new RdmJournalError(
      "TARGET_NO_SPACE",
      `target ${where} is out of space: ${err.message}`,
      { hint: "free space and run the same replay again: it resumes from its cursor", cause: err }
    );
  }
  return new RdmJournalError(
    "IO_ERROR",
    `writing target ${where} failed: ${err.message}`,
    { hint: "fix the cause and run the same replay again: it resumes from its cursor", cause: err }
  );
}
__name(writeFailure, "writeFailure");

export {
  CONTROL_DIR,
  CursorStore,
  readTargetCursor,
  writeFailure
};
