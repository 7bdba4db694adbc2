/**
 * Checks a parsed configuration file against `schemas/config.schema.json` and the rule registry, and
 * turns the first mistake into one ConfigError on the offending key or value.
 */
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import schemaJson from '../../../../schemas/config.schema.json';
import { ajvClass } from '../util/lazyLibraries';
import { t } from '../util/l10n';
import type { ConfigError } from './configError';
import type { ConfigFile } from './configFile';
import type { JsonPath, JsoncText } from './jsonc';
import { suggestRuleId, suggestWord } from './suggest';

let validator: ReturnType<Ajv['compile']> | undefined;

/** The configuration validator, compiled on first use: a run without configuration files never pays for it. */
function validateSchema(data: unknown): { ok: boolean; errors: ErrorObject[] } {
  validator ??= new (ajvClass())({ allErrors: false, strict: false, verbose: true, logger: false }).compile(schemaJson as object);
  const ok = validator(data) as boolean;
  return { ok, errors: validator.errors ?? [] };
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];

/** The configuration schema, as shipped (for hosts that register it with an editor). */
export const configSchema: object = schemaJson;

/** Decodes a JSON-pointer instance path into property names and array indexes of `data`. */
function pathOf(pointer: string, data: unknown): Array<string | number> {
  const out: Array<string | number> = [];
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function typeName(type: string): string {
  switch (type) {
    case 'string': return t('a string');
    case 'number': return t('a number');
    case 'integer': return t('a whole number');
    case 'boolean': return t('`true` or `false`');
    case 'array': return t('a list');
    case 'object': return t('an object');
    case 'null': return t('`null`');
    default: return type;
  }
}

function typeList(types: unknown): string {
  const list = (Array.isArray(types) ? types : [types]).map((x) => typeName(String(x)));
  return list.length <= 1 ? list.join('') : t('{0} or {1}', list.slice(0, -1).join(', '), list[list.length - 1]!);
}

function nameOf(path: JsonPath): string {
  const last = path[path.length - 1];
  return last === undefined ? t('The configuration') : typeof last === 'number' ? t('Entry {0} of `{1}`', last + 1, String(path[path.length - 2] ?? '')) : `\`${last}\``;
}

/** One readable message per ajv error, placed on the key or value it is about. */
function errorOf(file: JsoncText, e: ErrorObject): ConfigError {
  const path = pathOf(e.instancePath, file.value);
  const parentSchema = (e.parentSchema ?? {}) as { properties?: Record<string, unknown>; description?: string };
  // An error about a property's name (from `propertyNames`): on that key.
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined && e.keyword !== 'propertyNames') {
    return file.errorAt([...path, propertyName], parentSchema.description
      ? t('`{0}` is not a valid name here. {1}', propertyName, parentSchema.description)
      : t('`{0}` is not a valid name here.', propertyName), 'key');
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(parentSchema.properties ?? {});
      const near = suggestWord(extra, allowed);
      const where = path.length === 0 ? t('a configuration file') : `\`${String(path[path.length - 1])}\``;
      return file.errorAt([...path, extra], near
        ? t('`{0}` is not a setting of {1}: did you mean `{2}`?', extra, where, near)
        : t('`{0}` is not a setting of {1}: use one of {2}.', extra, where, allowed.map((k) => `\`${k}\``).join(', ')), 'key');
    }
    case 'propertyNames':
      return file.errorAt([...path, String((e.params as { propertyName: string }).propertyName)], t('`{0}` is not a valid name here.', String((e.params as { propertyName: string }).propertyName)), 'key');
    case 'required':
      return file.errorAt(path, t('{0} needs `{1}`.', nameOf(path), String((e.params as { missingProperty: string }).missingProperty)));
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => `\`${show(v)}\``);
      const near = typeof e.data === 'string' ? suggestWord(e.data, ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).filter((v): v is string => typeof v === 'string')) : undefined;
      return file.errorAt(path, near
        ? t('`{0}` is not allowed here: did you mean `{1}`?', show(e.data), near)
        : t('`{0}` is not allowed here: use one of {1}.', show(e.data), allowed.join(', ')));
    }
    case 'type':
      return file.errorAt(path, t('{0} must be {1}.', nameOf(path), typeList((e.params as { type: unknown }).type)));
    case 'pattern':
      return file.errorAt(path, parentSchema.description
        ? t('`{0}` is not valid here. {1}', show(e.data), parentSchema.description)
        : t('`{0}` does not have the expected form ({1}).', show(e.data), String((e.params as { pattern: string }).pattern)));
    case 'minItems':
      return file.errorAt(path, t('{0} must not be empty.', nameOf(path)));
    case 'minLength':
      return file.errorAt(path, t('{0} must not be empty.', nameOf(path)));
    case 'uniqueItems':
      return file.errorAt(path, t('{0} lists the same value twice.', nameOf(path)));
    default:
      return file.errorAt(path, t('{0}: {1}', nameOf(path), e.message ?? e.keyword));
  }
}

/** The most telling ajv error: the deepest one that is not only "no branch of anyOf matched". */
function pickError(errors: readonly ErrorObject[]): ErrorObject {
  const concrete = errors.filter((e) => !['anyOf', 'oneOf', 'if', 'not'].includes(e.keyword));
  const pool = concrete.length ? concrete : errors;
  return pool.reduce((best, e) => (e.instancePath.split('/').length > best.instancePath.split('/').length ? e : best), pool[0]!);
}

/** Checks the rule entries of a `rules` object (unknown ids with a suggestion, severities, the [severity, options] form). */
function checkRules(file: JsoncText, rules: unknown, at: JsonPath, ruleIds: readonly string[]): void {
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return; // the schema says what is wrong
  for (const [id, entry] of Object.entries(rules as Record<string, unknown>)) {
    if (!ruleIds.includes(id)) {
      const near = suggestRuleId(id, ruleIds);
      throw file.errorAt([...at, id], near
        ? t('`{0}` is not a playbook-lint rule: did you mean `{1}`?', id, near)
        : t('`{0}` is not a playbook-lint rule: rule ids look like `tasks/unknown-role` (every rule has a page under docs/rules/).', id), 'key');
    }
    const severity = Array.isArray(entry) ? entry[0] : entry;
    const severityPath = Array.isArray(entry) ? [...at, id, 0] : [...at, id];
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      const near = typeof severity === 'string' ? suggestWord(severity, SEVERITIES, 4) : undefined;
      throw file.errorAt(severityPath, near
        ? t('`{0}` is not a severity: did you mean `{1}`? Use `off`, `info`, `warning` or `error`, or [severity, {options}].', show(severity), near)
        : t('`{0}` is not a severity: use `off`, `info`, `warning` or `error`, or [severity, {options}].', show(severity)));
    }
    if (Array.isArray(entry) && (entry.length > 2 || (entry.length === 2 && (!entry[1] || typeof entry[1] !== 'object' || Array.isArray(entry[1]))))) {
      throw file.errorAt(entry.length > 2 ? [...at, id, 2] : [...at, id, 1], t('A rule entry is [severity] or [severity, {options}]: the options are one object.'));
    }
  }
}

/**
 * Validates a parsed configuration file; returns it typed, or throws a ConfigError on the first mistake.
 * `ruleIds` are the rules that exist.
 */
export function validateConfigFile(file: JsoncText, ruleIds: readonly string[]): ConfigFile {
  const data = file.value;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw file.errorAt([], t('A configuration file holds one JSON object, like `{ "rules": { … } }`.'));
  const record = data as Record<string, unknown>;
  checkRules(file, record['rules'], ['rules'], ruleIds);
  if (Array.isArray(record['overrides'])) {
    record['overrides'].forEach((o: unknown, i: number) => {
      if (o && typeof o === 'object') checkRules(file, (o as Record<string, unknown>)['rules'], ['overrides', i, 'rules'], ruleIds);
    });
  }
  const result = validateSchema(data);
  if (!result.ok) throw errorOf(file, pickError(result.errors));
  return data as ConfigFile;
}
