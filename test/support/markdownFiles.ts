import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Markdown files under a folder, in sorted path order, skipping node_modules and dot folders. */
export function markdownUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) out.push(p);
    }
  };
  walk(root);
  return out;
}
