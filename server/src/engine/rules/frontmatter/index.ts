import type { Rule } from '../rule';
import { audiencePairing } from './audiencePairing';
import { date } from './date';
import { duplicateKey } from './duplicateKey';
import { missing } from './missing';
import { nearValue } from './nearValue';
import { schema } from './schema';
import { titleH1 } from './titleH1';
import { unknownKey } from './unknownKey';
import { yaml } from './yaml';

/** Front-matter rules. */
export const frontMatterRules: readonly Rule[] = [missing, yaml, duplicateKey, unknownKey, schema, date, audiencePairing, nearValue, titleH1];
