import type { Rule } from '../rule';
import { cellCount } from './cellCount';
import { duplicateId } from './duplicateId';
import { header } from './header';
import { idFormat } from './idFormat';
import { mandatoryLetter } from './mandatoryLetter';
import { nameMismatch } from './nameMismatch';
import { translationParity } from './translationParity';
import { unknownRole } from './unknownRole';
import { unknownService } from './unknownService';

/** FTOP task-table rules. */
export const taskRules: readonly Rule[] = [header, cellCount, idFormat, duplicateId, mandatoryLetter, unknownRole, unknownService, nameMismatch, translationParity];
