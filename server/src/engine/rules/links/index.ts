import type { Rule } from '../rule';
import { alertKeyword } from './alertKeyword';
import { crossLanguage } from './crossLanguage';
import { imageNoSuchFile } from './imageNoSuchFile';
import { includeCycle } from './includeCycle';
import { includeNoSuchFile } from './includeNoSuchFile';
import { linkNoSuchFile } from './linkNoSuchFile';
import { mailto } from './mailto';
import { noSuchHeading } from './noSuchHeading';
import { outsideWorkspace } from './outsideWorkspace';
import { tocNoSuchFile } from './tocNoSuchFile';
import { tocOrphan } from './tocOrphan';

/** Link, image, include, alert and toc rules. */
export const linkRules: readonly Rule[] = [
  linkNoSuchFile,
  noSuchHeading,
  crossLanguage,
  mailto,
  outsideWorkspace,
  imageNoSuchFile,
  includeNoSuchFile,
  includeCycle,
  alertKeyword,
  tocNoSuchFile,
  tocOrphan,
];
