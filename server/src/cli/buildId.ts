import { readFileSync } from 'node:fs';
import { sha1 } from './lazyCrypto';

/**
 * The bundle's own hash, stamped into it by esbuild.mjs after the build (a placeholder of the same length is
 * `define`d at bundle time and replaced by the hash of the output). Undefined when running from sources.
 */
declare const __PLAYBOOK_BUILD_ID__: string | undefined;

/**
 * Identifies the build of the running code (rules change between builds, so a `--cache` file is only valid
 * for the build that wrote it). A bundle knows its id; run from sources (tsx), the running file is hashed.
 */
export function buildId(): string {
  if (typeof __PLAYBOOK_BUILD_ID__ === 'string') return __PLAYBOOK_BUILD_ID__;
  try {
    return sha1(readFileSync(__filename));
  } catch {
    return 'unknown';
  }
}
