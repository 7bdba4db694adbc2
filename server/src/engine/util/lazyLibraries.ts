import type MarkdownIt from 'markdown-it';
import type * as Yaml from 'yaml';
import type AjvClass from 'ajv';
import type addFormatsFunction from 'ajv-formats';

/*
 * Libraries loaded on first use. Loading markdown-it, `yaml` and ajv is ~10 ms that a short run needs not
 * pay: `playbook-lint --cache` replaying the last findings parses nothing and validates nothing. A plain
 * `require` at the call site is what the bundler leaves lazy; an `import` would run at load.
 */

/** markdown-it's class (its CommonJS build, as tests run it from sources). */
export function markdownItClass(): typeof MarkdownIt {
  return require('markdown-it') as typeof MarkdownIt;
}

let yamlModule: typeof Yaml | undefined;
/** The `yaml` package. */
export function yamlLibrary(): typeof Yaml {
  return (yamlModule ??= require('yaml') as typeof Yaml);
}

/** Ajv's class (JSON schema validation). */
export function ajvClass(): typeof AjvClass {
  const m = require('ajv') as { default: typeof AjvClass };
  return m.default;
}

/** ajv-formats' plug-in (`date`, `uri`, ...). */
export function ajvFormats(): typeof addFormatsFunction {
  const m = require('ajv-formats') as { default: typeof addFormatsFunction };
  return m.default;
}
