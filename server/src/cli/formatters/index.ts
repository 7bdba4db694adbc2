import type { FormatName } from '../args';
import type { LintRun } from '../report';
import { formatJson } from './json';
import { formatStylish } from './stylish';

/** Renders a run in one format. `color` only matters to formats meant for a terminal. */
export type Formatter = (run: LintRun, color: boolean) => string;

/** Every formatter by name. */
export const formatters: Readonly<Record<FormatName, Formatter | undefined>> = {
  stylish: formatStylish,
  json: (run) => formatJson(run),
  sarif: undefined,
  github: undefined,
  junit: undefined,
};
