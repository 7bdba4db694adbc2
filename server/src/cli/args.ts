import { t } from '../engine/util/l10n';

/** Output formats the CLI writes. */
export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

/** One report to write: a format and where (stdout when `output` is undefined). */
export interface OutputSpec {
  readonly format: FormatName;
  readonly output?: string;
}

/** The parsed command line. */
export interface CliOptions {
  readonly patterns: string[];
  /** Reports to write, in order; `[{ format: 'stylish' }]` when none was asked for. */
  readonly outputs: OutputSpec[];
  readonly quiet: boolean;
  readonly maxWarnings: number;
  readonly help: boolean;
  readonly version: boolean;
  readonly color: boolean;
  /** Apply safe fixes and write the files. */
  readonly fix: boolean;
  /** Print the diff safe fixes would make, write nothing. */
  readonly fixDryRun: boolean;
  /** An explicit configuration file (instead of discovery). */
  readonly config?: string;
  /** Print the effective configuration for this file and exit. */
  readonly printConfig?: string;
  /** Reuse results of unchanged files from the cache. */
  readonly cache: boolean;
  readonly cacheLocation: string;
  /** Show a progress bar on an interactive terminal (never in CI or when piped). */
  readonly progress: boolean;
}

/** A command-line mistake: reported with exit code 2. */
export class UsageError extends Error {}

/** Every format `--format` accepts. */
export const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github', 'junit'];

/** Where the cache lives unless `--cache-location` says otherwise (relative to the current folder). */
export const DEFAULT_CACHE_LOCATION = '.playbook-lint-cache';

/** Parses `argv` (without node and script). Throws UsageError on a mistake. */
export function parseArgs(argv: readonly string[], isTTY: boolean, env: Readonly<Record<string, string | undefined>> = process.env): CliOptions {
  const patterns: string[] = [];
  const outputs: Array<{ format: FormatName; output?: string }> = [];
  let pendingOutput: string | undefined;
  let quiet = false;
  let maxWarnings = -1;
  let help = false;
  let version = false;
  let color = isTTY && !env['NO_COLOR'];
  let fix = false;
  let fixDryRun = false;
  let config: string | undefined;
  let printConfig: string | undefined;
  let cache = false;
  let cacheLocation = DEFAULT_CACHE_LOCATION;
  let progress = isTTY && !env['CI'];
  const value = (i: number, name: string): string => {
    const v = argv[i];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(t('Option {0} needs a value.', name));
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const take = (): string => inline ?? value(++i, name);
    switch (name) {
      case '--format':
      case '-f': {
        const f = take();
        if (!FORMATS.includes(f as FormatName)) throw new UsageError(t('Unknown format `{0}`: use one of {1}.', f, FORMATS.join(', ')));
        outputs.push({ format: f as FormatName });
        break;
      }
      case '--output':
      case '-o': {
        const o = take();
        const last = outputs[outputs.length - 1];
        if (last && last.output === undefined) last.output = o;
        else if (outputs.length === 0 && pendingOutput === undefined) pendingOutput = o;
        else throw new UsageError(t('--output {0} has no --format of its own: write each --output right after the --format it is for.', o));
        break;
      }
      case '--quiet':
      case '-q':
        quiet = true;
        break;
      case '--max-warnings': {
        const n = take();
        if (!/^\d+$/.test(n)) throw new UsageError(t('--max-warnings takes a whole number, not `{0}`.', n));
        maxWarnings = Number(n);
        break;
      }
      case '--fix':
        fix = true;
        break;
      case '--fix-dry-run':
        fixDryRun = true;
        break;
      case '--config':
      case '-c':
        config = take();
        break;
      case '--print-config':
        printConfig = take();
        break;
      case '--cache':
        cache = true;
        break;
      case '--cache-location':
        cacheLocation = take();
        cache = true;
        break;
      case '--no-progress':
        progress = false;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--version':
      case '-v':
        version = true;
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      case '--':
        patterns.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (raw.startsWith('-') && raw !== '-') throw new UsageError(t('Unknown option `{0}`. Run playbook-lint --help for the options.', raw));
        patterns.push(raw);
    }
  }
  if (fix && fixDryRun) throw new UsageError(t('Use either --fix or --fix-dry-run, not both.'));
  if (outputs.length === 0) outputs.push(pendingOutput === undefined ? { format: 'stylish' } : { format: 'stylish', output: pendingOutput });
  else if (pendingOutput !== undefined) throw new UsageError(t('--output {0} comes before any --format: write each --output right after the --format it is for.', pendingOutput));
  const seen = new Set<string>();
  for (const o of outputs) {
    const key = o.output ?? '<stdout>';
    if (seen.has(key)) throw new UsageError(o.output ? t('Two reports would be written to {0}.', o.output) : t('Only one report can go to standard output: give the others an --output file.'));
    seen.add(key);
  }
  return {
    patterns, outputs, quiet, maxWarnings, help, version, color, fix, fixDryRun, cache, cacheLocation, progress,
    ...(config !== undefined ? { config } : {}),
    ...(printConfig !== undefined ? { printConfig } : {}),
  };
}

/** The `--help` text. */
export function helpText(): string {
  return [
    t('Usage: playbook-lint [options] [paths or globs...]'),
    '',
    t('Checks playbook Markdown pages and toc.yml files. With no path, checks the current folder.'),
    t('The workspace root is the nearest folder above the first path that holds a docfx.json (else that path);'),
    t('the whole root is indexed so that links, anchors, includes and task IDs are checked across files.'),
    '',
    t('Options:'),
    t('  -f, --format <name>      Report format: stylish (default), json, sarif, github or junit; may be repeated'),
    t('  -o, --output <file>      Write the report of the preceding --format to a file instead of standard output'),
    t('  -q, --quiet              Report errors only, not warnings or information'),
    t('      --max-warnings <n>   Exit with 1 when there are more than n warnings'),
    t('      --fix                Apply the safe automatic fixes and write the files'),
    t('      --fix-dry-run        Print the changes --fix would make, write nothing'),
    t('  -c, --config <file>      Use this configuration file instead of finding .playbook-lint.jsonc files'),
    t('      --print-config <file> Print the effective configuration for a file and exit'),
    t('      --cache              Only re-check what changed since the last run'),
    t('      --cache-location <p> Where the cache is kept (default {0})', DEFAULT_CACHE_LOCATION),
    t('      --no-progress        Never show the progress bar'),
    t('      --color, --no-color  Force or disable colours'),
    t('  -v, --version            Print the version'),
    t('  -h, --help               Print this help'),
    '',
    t('Exit codes: 0 no errors; 1 errors (or too many warnings); 2 usage or configuration error.'),
  ].join('\n');
}
