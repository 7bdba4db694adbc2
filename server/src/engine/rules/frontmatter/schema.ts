import type { Fix } from '../../lint/diagnostic';
import type { FrontMatterEntry } from '../../model/document';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import {
  DEFAULT_DERIVE_FROM, PLACEHOLDER, deriveValue, describeKey, entryLine, enumOf, folderCounts, folderFollowsEnum, inPlaybookScope,
  insertionPoint, knownKeys, mostFrequent, nearKnownKey, openingFence, pageValues, setValueEdit, typoDistance, validValue,
  compiledFrontMatterValidator, valueThrough, type SchemaError,
} from './shared';

/** Keys whose value format another rule checks more precisely (the schema rule still reports them missing or empty). */
const DELEGATED: Readonly<Record<string, string>> = { 'ms.date': 'frontmatter/date' };

/** The object the schema validates: every key's last value; scalars as their text, as docfx reads them. */
function instanceOf(entries: ReadonlyMap<string, FrontMatterEntry>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, e] of entries) {
    out[key] = typeof e.value === 'number' || typeof e.value === 'boolean' ? e.valueText : e.value;
  }
  return out;
}

/** The key an error is about: the first segment of its JSON pointer. */
function keyOfPath(instancePath: string): string | undefined {
  const seg = instancePath.split('/')[1];
  return seg === undefined ? undefined : seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Describes a YAML value's kind for a message. */
function kindWord(value: unknown): string {
  if (Array.isArray(value)) return t('a list');
  if (typeof value === 'number') return t('a number');
  if (typeof value === 'boolean') return t('true/false');
  if (value && typeof value === 'object') return t('a nested map');
  return t('text');
}

/** Describes a schema type for a message. */
function typeWord(type: unknown): string {
  const one = (x: unknown): string => (x === 'string' ? t('text') : x === 'array' ? t('a list') : x === 'number' || x === 'integer' ? t('a number') : x === 'boolean' ? t('true/false') : String(x));
  return Array.isArray(type) ? type.map(one).join(t(' or ')) : one(type);
}

/** The explanation appended to a message: the schema's description of the key, or nothing. */
function why(key: string): string {
  const d = describeKey(key);
  return d ? ` ${d}` : '';
}

/** The value a wrong value should most likely be, for an enum error: the nearest allowed value, else the folder's usual one, else the only one. */
function enumSuggestion(ctx: PageContext, key: string, value: string, allowed: readonly string[]): { value: string; how: 'near' | 'folder' | 'only' } | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const a of allowed) {
    const d = typoDistance(value.toLowerCase(), a.toLowerCase());
    if (d < bestD) [best, bestD] = [a, d];
  }
  if (best !== undefined && bestD <= 2) return { value: best, how: 'near' };
  if (allowed.length === 1) return { value: allowed[0]!, how: 'only' };
  const usual = mostFrequent(folderCounts(ctx, key), (v) => allowed.includes(v));
  return usual !== undefined ? { value: usual, how: 'folder' } : undefined;
}

/** A replacement for a value of the wrong shape, through a paired key (`Celia Kennedy` in ms.author → `v-cekenn`). */
function pairedSuggestion(ctx: PageContext, key: string, value: string): string | undefined {
  const raw = ctx.options['deriveFrom'];
  const pairs = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, readonly string[]>) : DEFAULT_DERIVE_FROM;
  const accept = (v: string): boolean => validValue(key, v);
  for (const fromKey of pairs[key] ?? []) {
    const through = valueThrough(ctx, key, fromKey, value, accept);
    if (through !== undefined) return through;
  }
  return undefined;
}

function reportMissing(ctx: PageContext, key: string): void {
  const fm = ctx.doc.frontMatter!;
  const order = ctx.config.defaults.frontMatterKeyOrder;
  const derived = deriveValue(ctx, key, pageValues(ctx.doc), (v) => validValue(key, v));
  const value = derived?.value ?? PLACEHOLDER;
  const at = insertionPoint(fm, key, order);
  const fix: Fix = { title: t('Add `{0}: {1}`', key, value), edits: [{ span: span(at, at), newText: entryLine(ctx.doc, at, key, value, fm.eol) }], safe: derived?.safe ?? false };
  ctx.report({
    span: openingFence(fm),
    message: t('The front matter has no `{0}` key, which every page needs.{1}', key, why(key)),
    fixes: [fix],
    data: { key },
  });
}

function reportValue(ctx: PageContext, key: string, entry: FrontMatterEntry, err: SchemaError): void {
  const value = entry.valueText.trim();
  const at = value !== '' ? entry.valueSpan : entry.keySpan;
  const params = err.params as Record<string, unknown>;
  const fixTo = (v: string, safe: boolean): Fix[] => [{ title: t('Set {0} to `{1}`', key, v), edits: [setValueEdit(ctx.doc, entry, v)], safe }];
  if (entry.value === null || (err.keyword === 'minLength' && value === '')) {
    ctx.report({ span: at, message: t('`{0}` has no value.{1}', key, why(key)) });
    return;
  }
  if (err.keyword === 'enum') {
    const allowed = enumOf(key) ?? (Array.isArray(params['allowedValues']) ? (params['allowedValues'] as unknown[]).map(String) : []);
    const list = allowed.map((a) => `\`${a}\``).join(', ');
    const s = enumSuggestion(ctx, key, value, allowed);
    ctx.report({
      span: at,
      message: s?.how === 'near'
        ? t('`{0}` is not an allowed `{1}` value: did you mean `{2}`? Allowed values: {3}.', value, key, s.value, list)
        : s?.how === 'folder'
          ? t('`{0}` is not an allowed `{1}` value. Allowed values: {2}; the other pages in this folder use `{3}`.', value, key, list, s.value)
          : t('`{0}` is not an allowed `{1}` value. Allowed values: {2}.', value, key, list),
      ...(s ? { fixes: fixTo(s.value, false) } : {}),
    });
    return;
  }
  if (err.keyword === 'type') {
    ctx.report({ span: at, message: t('`{0}` must be {1}, but it is {2}.{3}', key, typeWord(params['type']), kindWord(entry.value), why(key)) });
    return;
  }
  if (err.keyword === 'pattern' || err.keyword === 'format') {
    const suggestion = pairedSuggestion(ctx, key, value);
    ctx.report({
      span: at,
      message: suggestion !== undefined
        ? t('`{0}` is not a valid `{1}` value (did you mean `{2}`?).{3}', value, key, suggestion, why(key))
        : t('`{0}` is not a valid `{1}` value.{2}', value, key, why(key) || ` ${err.message ?? ''}`),
      ...(suggestion !== undefined ? { fixes: fixTo(suggestion, false) } : {}),
    });
    return;
  }
  ctx.report({ span: at, message: t('`{0}`: {1}.{2}', key, err.message ?? err.keyword, why(key)) });
}

/** True when a required key is absent only because it is mistyped (`ms.autor`): `frontmatter/unknown-key` reports that. */
function mistyped(ctx: PageContext, key: string): boolean {
  const known = knownKeys(ctx);
  return ctx.doc.frontMatter!.entries.some((e) => nearKnownKey(e.key, known)?.key === key);
}

/** True when another enabled rule checks this key's value format. */
function delegated(ctx: PageContext, key: string, keyword: string): boolean {
  const rule = DELEGATED[key];
  return rule !== undefined && (keyword === 'pattern' || keyword === 'format') && ctx.config.rules[rule]?.severity !== 'off';
}

/** The front matter follows `schemas/frontmatter.schema.json`: required keys, value types, allowed values, patterns. */
export const schema: PageRule = {
  id: 'frontmatter/schema',
  target: 'page',
  description: t('Front matter has every required key, and each value has the type, pattern or allowed value the schema gives.'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const fm = ctx.doc.frontMatter;
    if (!fm || ctx.doc.problems.some((p) => p.code === 'frontmatter-yaml' || p.code === 'frontmatter-not-map')) return;
    if (!inPlaybookScope(ctx)) return;
    const validateFrontMatter = compiledFrontMatterValidator();
    if (validateFrontMatter(instanceOf(fm.byKey))) return;
    const seen = new Set<string>();
    for (const err of validateFrontMatter.errors ?? []) {
      const params = err.params as Record<string, unknown>;
      if (err.keyword === 'required' && typeof params['missingProperty'] === 'string') {
        const key = params['missingProperty'];
        if (!seen.has(key) && !mistyped(ctx, key)) reportMissing(ctx, key);
        seen.add(key);
        continue;
      }
      if (err.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
        const e = fm.byKey.get(params['additionalProperty']);
        if (e && !seen.has(e.key) && !nearKnownKey(e.key, knownKeys(ctx))) {
          ctx.report({ span: e.keySpan, message: t('`{0}` is not a front-matter key this playbook uses: remove it or correct its name.', e.key) });
        }
        if (e) seen.add(e.key);
        continue;
      }
      const key = keyOfPath(err.instancePath);
      const entry = key !== undefined ? fm.byKey.get(key) : undefined;
      if (key === undefined || !entry || seen.has(key) || delegated(ctx, key, err.keyword)) continue;
      if (err.keyword === 'enum' && !folderFollowsEnum(ctx, key)) continue;
      seen.add(key);
      reportValue(ctx, key, entry, err);
    }
  },
};
