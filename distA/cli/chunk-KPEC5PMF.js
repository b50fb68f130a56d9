import { createRequire as __rdmCreateRequire } from 'node:module'; const require = __rdmCreateRequire(import.meta.url);
import {
  replicaLog,
  replicaStatus,
  replicaVerify,
  resolveReplicaUpTo
} from "./chunk-S5TDUIHX.js";
import "./chunk-QAWLHCYO.js";
import "./chunk-4USO7O2A.js";
import "./chunk-5V3YYJD5.js";
import "./chunk-R7ETIWN2.js";
import "./chunk-UQWRIO34.js";
import "./chunk-J2ICXE75.js";
import "./chunk-R5Q4Z36N.js";
import "./chunk-AACPVLIA.js";
export {
  replicaLog,
  replicaStatus,
  replicaVerify,
  resolveReplicaUpTo
};
