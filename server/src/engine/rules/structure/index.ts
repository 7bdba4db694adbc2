import type { Rule } from '../rule';
import { phase } from './phase';
import { requiredSections } from './requiredSections';
import { sectionOrder } from './sectionOrder';
import { singleH1 } from './singleH1';
import { stepLabels } from './stepLabels';

/** Page-structure rules. */
export const structureRules: readonly Rule[] = [singleH1, requiredSections, sectionOrder, phase, stepLabels];
