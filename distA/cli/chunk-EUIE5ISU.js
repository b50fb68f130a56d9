import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  parseDuration,
  parsePoint,
  refusePastHead
} from "./chunk-5V3YYJD5.js";
import "./chunk-J2ICXE75.js";
import "./chunk-AACPVLIA.js";
export {
  parseDuration,
  parsePoint,
  refusePastHead
};
