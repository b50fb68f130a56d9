import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/errors.ts
var RdmJournalError = class extends Error {
  static {
    __name(this, "RdmJournalError");
  }
  code;
  /** What the user can do about it, in domain words (no flag, no command); printed on its own line. */
  hint;
  /**
   * Which case of `code` this is, when the command line has more to say about it than the core
   * can: src/cli/hints.ts words that case's hint with flags and commands, from `facts`.
   */
  detail;
  facts;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "RdmJournalError";
    this.code = code;
    this.hint = options.hint;
    this.detail = options.detail;
    this.facts = options.facts ?? {};
  }
};
function isNoSpace(err) {
  const cause = err?.cause ?? err;
  return isErrnoException(cause, "ENOSPC") || isErrnoException(cause, "EDQUOT") || /No space left|quota exceeded/i.test(String(cause?.message));
}
__name(isNoSpace, "isNoSpace");
function isLevelLocked(err) {
  return isErrnoException(err?.cause ?? err, "LEVEL_LOCKED");
}
__name(isLevelLocked, "isLevelLocked");
function isErrnoException(err, code) {
  return err instanceof Error && typeof err.code === "string" && (code === void 0 || err.code === code);
}
__name(isErrnoException, "isErrnoException");

export {
  RdmJournalError,
  isNoSpace,
  isLevelLocked,
  isErrnoException
};
