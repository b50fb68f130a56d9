import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  require_level
} from "./chunk-7UX3QION.js";
import "./chunk-22UGMBSA.js";
import {
  __toESM
} from "./chunk-AACPVLIA.js";

// src/journal/level-module.ts
var import_level = __toESM(require_level(), 1);
var export_Level = import_level.Level;
export {
  export_Level as Level
};
