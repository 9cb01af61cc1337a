/**
 * Reading the repository's Markdown the way GitHub renders it: the text outside code fences, the
 * relative links in it, and the anchors its headings get (GitHub's slugs), for the docs contract.
 */

/** The lines of a Markdown file that are not inside a fenced code block. */
export function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** Prose without inline code spans, where a `[x](y)` is an example, not a link. */
function withoutCodeSpans(line: string): string {
  return line.replace(/`[^`]*`/g, (span) => (span.includes('](') ? '' : span));
}

/** Every link and image target written as `[text](target)` outside code, as written. */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(markdown)) {
    for (const match of withoutCodeSpans(line).matchAll(/!?\[(?:[^\]`]|`[^`]*`)*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      targets.push(match[1]!);
    }
  }
  return targets;
}

/** A link to another site or scheme: not checked against the repository. */
export const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a file's headings get, duplicates numbered as GitHub numbers them (`x`, `x-1`, …). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const match = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const base = slug(match[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The `##` headings of a file, their text without backticks. */
export function secondLevelHeadings(markdown: string): string[] {
  return proseLines(markdown)
    .map((line) => /^##\s+(.+?)\s*$/.exec(line)?.[1])
    .filter((text): text is string => text !== undefined)
    .map((text) => text.replace(/`/g, ''));
}
