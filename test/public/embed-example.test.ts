// The example host page keeps a strict policy: its inline style sheet and script are allowed by
// hash, so an edit to either must update the hash in its Content-Security-Policy.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const html = readFileSync(new URL('../../public/embed-example.html', import.meta.url), 'utf8');
const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
const directive = (name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('public/embed-example.html', () => {
  it('has a policy with no unsafe-inline and no plug-ins', () => {
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });
  it('allows its inline script and style sheet by their hashes, and only those', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(directive('script-src')).toBe(`script-src ${scripts[0]}`);
    expect(directive('style-src')).toBe(`style-src ${styles[0]}`);
  });
});
