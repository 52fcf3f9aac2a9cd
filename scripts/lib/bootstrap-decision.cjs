// What `npm start` and `npm test` must install before anything else runs, decided from file
// times and facts alone (no I/O here, so a unit test covers every case). CommonJS so that both
// the ESM entry scripts and the jest specs load it with Node built-ins only.
'use strict';

/**
 * @param {{ lockMtimeMs: number | undefined, markerMtimeMs: number | undefined }} files
 *   package-lock.json and node_modules/.package-lock.json (npm writes it last, after a complete install)
 * @returns {{ install: boolean, reason: string }}
 */
function dependenciesDecision({ lockMtimeMs, markerMtimeMs }) {
  if (markerMtimeMs === undefined) return { install: true, reason: 'node_modules is missing or incomplete (no node_modules/.package-lock.json)' };
  if (lockMtimeMs !== undefined && lockMtimeMs > markerMtimeMs) return { install: true, reason: 'package-lock.json is newer than node_modules' };
  return { install: false, reason: 'node_modules matches package-lock.json' };
}

/**
 * @param {{ present: boolean, root: boolean, apt: boolean }} facts
 *   whether the browser exists, whether we run as root, whether apt-get exists
 * @returns {'present' | 'install' | 'advise'}
 */
function chromiumDecision({ present, root, apt }) {
  if (present) return 'present';
  return root && apt ? 'install' : 'advise';
}

module.exports = { dependenciesDecision, chromiumDecision };
