/**
 * The one msgpack codec of every stored value: plain maps (no msgpackr records extension, so any
 * msgpack reader can decode them) and 64-bit integers read as numbers, as the spec allows writers
 * to use any integer encoding.
 */
import { Packr } from 'msgpackr';

export const packr = new Packr({ useRecords: false, mapsAsObjects: true, bundleStrings: false, moreTypes: false, int64AsType: 'number' });
