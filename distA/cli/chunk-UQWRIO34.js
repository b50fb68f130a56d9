import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-AACPVLIA.js";

// src/cli/format.ts
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
__name(formatBytes, "formatBytes");
var pad = /* @__PURE__ */ __name((n, width = 2) => String(n).padStart(width, "0"), "pad");
var cached = { second: NaN, utc: false, head: "", zone: "" };
function formatTime(ms, utc) {
  const second = Math.floor(ms / 1e3);
  if (second !== cached.second || utc !== cached.utc) {
    const text = formatTimeUncached(second * 1e3, utc);
    cached = { second, utc, head: text.slice(0, 20), zone: text.slice(23) };
  }
  return `${cached.head}${pad(ms - second * 1e3, 3)}${cached.zone}`;
}
__name(formatTime, "formatTime");
function formatTimeUncached(ms, utc) {
  if (utc) return new Date(ms).toISOString();
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const zone = `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${zone}`;
}
__name(formatTimeUncached, "formatTimeUncached");
function formatSeconds(seconds) {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round(seconds % 3600 / 60)} min`;
}
__name(formatSeconds, "formatSeconds");
function describeOp(op) {
  const { seq, type, at } = op;
  const base = { seq, at: new Date(at).toISOString(), kind: type };
  switch (op.type) {
    case "create":
      return { ...base, file: op.file, ino: op.ino, ...op.mode === void 0 ? {} : { mode: op.mode } };
    case "append":
      return { ...base, file: op.file, offset: op.offset, length: op.data.length, crc: op.crc };
    case "delete":
      return { ...base, file: op.file, size: op.size };
    case "resync":
      return {
        ...base,
        reason: op.reason,
        ...op.file ? { file: op.file } : {},
        detail: op.detail,
        ...op.recordedSize === void 0 ? {} : { recordedSize: op.recordedSize },
        ...op.foundSize === void 0 ? {} : { foundSize: op.foundSize }
      };
  }
}
__name(describeOp, "describeOp");
function formatOp(op, utc) {
  const head = `${String(op.seq).padStart(8)}  ${formatTime(op.at, utc)}  ${op.type.padEnd(6)}`;
  switch (op.type) {
    case "create":
      return `${head}  ${op.file}${op.mode === void 0 ? "" : `  mode ${op.mode.toString(8).padStart(4, "0")}`}`;
    case "append":
      return `${head}  ${op.file}  offset ${op.offset}  length ${op.data.length}  crc ${op.crc.toString(16).padStart(8, "0")}`;
    case "delete":
      return `${head}  ${op.file}  size ${op.size}`;
    case "resync":
      return `${head}  ${op.reason}${op.file ? `  ${op.file}` : ""}: ${op.detail}`;
  }
}
__name(formatOp, "formatOp");

export {
  formatBytes,
  formatTime,
  formatSeconds,
  describeOp,
  formatOp
};
