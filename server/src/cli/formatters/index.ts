import type { FormatName } from '../args';
import type { LintRun } from '../report';
import { formatGithub } from './github';
import { formatJson, formatJsonChunks } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish, formatStylishChunks } from './stylish';

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

/**
 * Formats written piece by piece (a large report is never held whole); the others are written as the
 * one string their formatter returns. The pieces join to exactly that string.
 */
export const chunkedFormatters: Readonly<Partial<Record<FormatName, (run: LintRun, color: boolean) => Iterable<string>>>> = {
  stylish: formatStylishChunks,
  json: (run) => formatJsonChunks(run),
};

/**
 * The formats that quote the checked files' texts (SARIF: fingerprints and fix regions). Only for them
 * does the CLI keep a way to read the texts, and with it the index, until the reports are written.
 */
export const quotesText: Readonly<Record<FormatName, boolean>> = { stylish: false, json: false, sarif: true, github: false, junit: false };
