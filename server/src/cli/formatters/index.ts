import type { FormatName } from '../args';
import type { LintRun } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

/** Renders a run in one format. `color` only matters to formats meant for a terminal. */
export type Formatter = (run: LintRun, color: boolean) => string;

/** Every formatter by name. */
export const formatters: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: (run) => formatJson(run),
  sarif: (run) => formatSarif(run),
  github: (run) => formatGithub(run),
  junit: (run) => formatJunit(run),
};
