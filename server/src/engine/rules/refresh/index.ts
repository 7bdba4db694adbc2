import type { Rule } from '../rule';
import { dateFormat } from './dateFormat';
import { duplicateRow } from './duplicateRow';
import { futureDate } from './futureDate';
import { header } from './header';
import { missing } from './missing';
import { msDateStale } from './msDateStale';
import { order } from './order';

/** Refresh-summary rules. */
export const refreshRules: readonly Rule[] = [missing, header, dateFormat, order, futureDate, duplicateRow, msDateStale];
