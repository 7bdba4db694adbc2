/**
 * Developer aid: lints a folder with a subset of rules and prints findings with the text they cover.
 * Usage: npx tsx scripts/dev-lint.ts <folder> [rule-id ...]
 */
import { defaultConfig } from '../server/src/engine/config/builtin';
import { createEngine } from '../server/src/engine/engine';
import { lintWorkspace } from '../server/src/engine/lint/linter';
import { allRules } from '../server/src/engine/rules/registry';
import { NodeWorkspace } from '../server/src/cli/nodeWorkspace';

const [dir = '.', ...ids] = process.argv.slice(2);
const rules = ids.length ? allRules.filter((r) => ids.some((id) => r.id === id || r.id.startsWith(id + '/'))) : allRules;
async function main(): Promise<void> {
const engine = createEngine(new NodeWorkspace(dir), defaultConfig(), rules);
await engine.index.load();
const counts = new Map<string, number>();
for (const [path, diags] of lintWorkspace(engine.index, rules)) {
  const text = engine.index.document(path)?.text ?? engine.index.toc(path)?.text ?? '';
  for (const d of diags) {
    counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
    console.log(`${path.slice(engine.index.root.length + 1)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.ruleId} ${d.message}  «${text.slice(d.span.start, Math.min(d.span.end, d.span.start + 80))}»`);
  }
}
console.log('\ncounts:', Object.fromEntries([...counts].sort()));
}
void main();
