import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JsoncText } from '../../server/src/engine/config/jsonc';
import { validateConfigFile } from '../../server/src/engine/config/validate';
import { allRules } from '../../server/src/engine/rules/registry';
import { configOf } from './config-helpers';

const schema = JSON.parse(readFileSync('schemas/config.schema.json', 'utf8')) as { definitions: { rules: { properties: Record<string, { description: string }> } } };

test('the configuration schema lists every rule, with its description, for editors', () => {
  const listed = schema.definitions.rules.properties;
  const missing = allRules.filter((r) => !(r.id in listed)).map((r) => r.id);
  const stale = Object.keys(listed).filter((id) => !allRules.some((r) => r.id === id));
  assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'update definitions.rules.properties in schemas/config.schema.json');
  for (const r of allRules) assert.ok(listed[r.id]!.description.startsWith(r.description), `${r.id}: the schema's description should start with the rule's`);
});

test('every configuration example in docs/configuration.md is valid', async () => {
  const doc = readFileSync('docs/configuration.md', 'utf8');
  const blocks = [...doc.matchAll(/```jsonc\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.ok(blocks.length >= 6, `only ${blocks.length} examples found`);
  const ids = allRules.map((r) => r.id);
  for (const text of blocks) {
    const data = validateConfigFile(new JsoncText('/docs/example.jsonc', text), ids);
    // Examples that stand alone also load: their vocabulary and defaults changes apply.
    if (data.extends === undefined) await configOf({ '.playbook-lint.jsonc': text });
  }
});
