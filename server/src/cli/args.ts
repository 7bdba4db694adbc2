import { t } from '../engine/util/l10n';

/** Output formats the CLI writes. */
export type FormatName = 'stylish' | 'json';

/** The parsed command line. */
export interface CliOptions {
  readonly patterns: string[];
  readonly format: FormatName;
  readonly quiet: boolean;
  readonly maxWarnings: number;
  readonly help: boolean;
  readonly version: boolean;
  readonly color: boolean;
}

/** A command-line mistake: reported with exit code 2. */
export class UsageError extends Error {}

const FORMATS: readonly FormatName[] = ['stylish', 'json'];

/** Parses `argv` (without node and script). Throws UsageError on a mistake. */
export function parseArgs(argv: readonly string[], isTTY: boolean): CliOptions {
  const patterns: string[] = [];
  let format: FormatName = 'stylish';
  let quiet = false;
  let maxWarnings = -1;
  let help = false;
  let version = false;
  let color = isTTY && !process.env['NO_COLOR'];
  const value = (i: number, name: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(t('Option {0} needs a value.', name));
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
        format = f as FormatName;
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
  return { patterns, format, quiet, maxWarnings, help, version, color };
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
    t('  -f, --format <name>    Output format: stylish (default) or json'),
    t('  -q, --quiet            Report errors only, not warnings or information'),
    t('      --max-warnings <n> Exit with 1 when there are more than n warnings'),
    t('      --color, --no-color Force or disable colours'),
    t('  -v, --version          Print the version'),
    t('  -h, --help             Print this help'),
    '',
    t('Exit codes: 0 no errors; 1 errors (or too many warnings); 2 usage or configuration error.'),
  ].join('\n');
}
