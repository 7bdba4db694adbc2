import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { explainConfig } from '../engine/config/explain';
import { loadConfig } from '../engine/config/loader';
import { createEngine } from '../engine/engine';
import type { PlaybookDocument } from '../engine/model/document';
import { decodeText } from '../engine/workspace/decode';
import type { CliOptions } from './args';
import { configLoadOptions, displayPath } from './configOptions';
import { findDocfxRoot } from './discover';
import { NodeWorkspace, toNative, toPosix } from './nodeWorkspace';

/**
 * `--print-config FILE`: prints, as JSON, the configuration that applies to FILE — every rule's severity and
 * options, the locales, the vocabulary and defaults configuration changed, the configuration files that
 * apply, and whether FILE is ignored — and returns exit code 0. The workspace is the one linting FILE would
 * use (the nearest docfx.json folder above it). Throws ConfigError / UsageError like a lint run.
 */
export async function printConfig(file: string, options: CliOptions, cwd: string, write: (s: string) => void): Promise<number> {
  const abs = nodePath.resolve(cwd, file);
  const dir = existsSync(abs) && statSync(abs).isDirectory() ? abs : nodePath.dirname(abs);
  const root = findDocfxRoot(dir) ?? dir;
  const workspace = new NodeWorkspace(toNative(toPosix(root)));
  const config = await loadConfig(workspace, configLoadOptions(options, cwd));
  const engine = createEngine(workspace, config);
  const path = toPosix(abs);
  let doc: PlaybookDocument | undefined;
  if (/\.md$/i.test(path)) {
    const bytes = await workspace.read(path);
    const decoded = bytes ? decodeText(bytes) : undefined;
    if (decoded && 'text' in decoded) {
      engine.index.setText(path, decoded.text, 0);
      doc = engine.index.document(path);
    }
  }
  const effective = explainConfig(config, path, engine.rules, (p) => displayPath(p, cwd), doc);
  write(JSON.stringify(effective, null, 2) + '\n');
  return 0;
}
