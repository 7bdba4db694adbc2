import type { LinkTarget } from './document';

/** Splits a link target as written into scheme, path, query and anchor. */
export function parseLinkTarget(raw: string): LinkTarget {
  const bare = raw.trim();
  const trimmed = bare.startsWith('<') ? bare.replace(/^<(.*)>$/, '$1') : bare;
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  if (schemeMatch && schemeMatch[1]!.length > 1) {
    return { raw, scheme: schemeMatch[1]!.toLowerCase(), path: trimmed };
  }
  if (trimmed.startsWith('//')) return { raw, scheme: 'https', path: trimmed };
  let rest = trimmed;
  let anchor: string | undefined;
  let query: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    anchor = safeDecode(rest.slice(hash + 1));
    rest = rest.slice(0, hash);
  }
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const target: { raw: string; path: string; anchor?: string; query?: string } = { raw, path: safeDecode(rest) };
  if (anchor !== undefined) target.anchor = anchor;
  if (query !== undefined) target.query = query;
  return target;
}

function safeDecode(s: string): string {
  if (!s.includes('%')) return s; // nothing to decode: keep the string rather than a copy
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** True when a target looks like a bare e-mail address (`someone@contoso.com`). */
export function looksLikeEmail(target: LinkTarget): boolean {
  return target.scheme === undefined && /^[^\s@/#?]+@[^\s@/#?]+\.[a-z]{2,}$/i.test(target.path);
}
