/**
 * Editor-neutral plain data the language features take and return. Paths are the workspace's absolute
 * paths; every place carries both its UTF-16 span (offsets into the file's full text) and its
 * line/character range, so a host converts neither.
 */
import type { Range, Span } from '../text/span';

/** Asked between units of work over the workspace; when it returns true the feature stops and returns no result. */
export type IsCancelled = () => boolean;

/** A place in a file of the workspace. */
export interface Location {
  readonly path: string;
  readonly span: Span;
  readonly range: Range;
}

/** A replacement of a span of one file (a page or a toc). */
export interface FileEdit {
  readonly path: string;
  readonly span: Span;
  readonly range: Range;
  readonly newText: string;
}

/** A replacement inside the file a request is about. */
export interface TextEdit {
  readonly span: Span;
  readonly range: Range;
  readonly newText: string;
}
