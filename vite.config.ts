import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Logger, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Files for the host, not the browser (Cloudflare Pages does not serve `_headers`: precaching it would fail). */
const HOST_FILES = new Set(['_headers']);

/**
 * Offline use (build only): emits src/sw.ts as `sw.js` at the root of the built site, then, once
 * everything is written, fills in its precache list: every file in the output (public/ included)
 * except source maps, dotfiles, HOST_FILES and files over `maxBytes`, with a version hashed from
 * their paths and contents, so that each deployment installs a fresh cache and drops the previous one.
 */
function offline({ source = 'src/sw.ts', maxBytes = 8 * 1024 * 1024 } = {}): Plugin {
  const SW = 'sw.js';
  let root = '';
  let outDir = '';
  let logger: Logger | undefined;
  return {
    name: 'airshed:offline',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      logger = config.logger;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve(root, source), fileName: SW });
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(_options, bundle) {
        const sw = bundle[SW];
        if (sw?.type !== 'chunk' || sw.imports.length > 0) this.error(`${SW} must build to one self-contained script`);
        const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
          .map((file) => file.split(sep).join('/'))
          .filter((file) => file !== SW && !HOST_FILES.has(file) && !file.endsWith('.map') && !file.split('/').some((part) => part.startsWith('.')))
          .filter((file) => statSync(join(outDir, file)).isFile())
          .sort();
        const version = createHash('sha256');
        const precached: string[] = [];
        let bytes = 0;
        for (const file of files) {
          const content = readFileSync(join(outDir, file));
          if (content.length > maxBytes) {
            this.warn(`${file} (${content.length} bytes) is too big to precache: it will need the network`);
            continue;
          }
          precached.push(file);
          bytes += content.length;
          version.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\n`);
        }
        const manifest = { version: version.digest('hex').slice(0, 16), files: precached };
        const path = join(outDir, SW);
        const code = readFileSync(path, 'utf8');
        const filled = code.replace(/(["'`])__AIRSHED_PRECACHE__\1/, () => JSON.stringify(JSON.stringify(manifest)));
        if (filled === code) this.error(`${SW}: the precache placeholder is missing`);
        writeFileSync(path, filled);
        logger?.info(`${SW}: precaches ${precached.length} files, ${(bytes / 1024).toFixed(1)} kB, version ${manifest.version}`);
      },
    },
  };
}

/**
 * The Content-Security-Policy of the built page (a `<meta>`, so that it holds on any static host):
 * our own files only; 'wasm-unsafe-eval' lets glpk.js compile its WebAssembly; data: and blob:
 * images are maplibre's control icons and the chart exports (SVG drawn to PNG). Styles are the
 * built CSS files: Svelte and maplibre set styles through the CSSOM (element.style), which a
 * policy does not restrict, so no 'unsafe-inline'. A `<meta>` cannot carry frame-ancestors:
 * public/_headers does, on hosts that read it (README, Deploy).
 * Build only: Vite's dev server injects `<style>` elements, which this policy would refuse.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

function securityPolicy(): Plugin {
  return {
    name: 'airshed:csp',
    apply: 'build',
    // Right after the charset: a policy covers only what follows it in the document.
    transformIndexHtml(html) {
      const charset = /<meta charset="UTF-8" \/>\n/;
      if (!charset.test(html)) throw new Error('index.html: no <meta charset="UTF-8" /> to put the security policy after');
      return html.replace(charset, (line) => `${line}    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />\n`);
    },
  };
}

/** The app's version, for citations (src/state/cite.ts). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [svelte(), offline(), securityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
