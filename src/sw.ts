// The service worker: once visited, Airshed works with no network (a teacher in a hall with
// poor Wi-Fi). The `offline` plugin in vite.config.ts builds this file into `sw.js` at the root
// of the built site and fills in PRECACHE, the list of every built file; src/offline.ts
// registers it (production builds only).
//
// Install: fetch every file into a cache named after a hash of the files' paths and contents,
// so a new deployment installs a new cache; activate: keep the previous deployment's cache (a tab
// opened before the update still loads its lazy chunks from it) and delete older ones.
// Fetch: GET requests under the site's directory come from the cache first (the query string
// is ignored: the site is static files, and links carry the view in it, `?lang=zh&target=190`),
// then the network; a navigation that fails on the network gets the cached index.html.
// Anything else (other origins, other sites on this origin, POST) is left to the browser.

declare const self: ServiceWorkerGlobalScope;

interface Precache {
  /** Hash of the precached files' paths and contents. */
  version: string;
  /** Paths relative to this script: index.html, assets/…, data/…, geo/…. */
  files: string[];
}

// Replaced at build time (vite.config.ts) by the precache list as a JSON string.
const PRECACHE = JSON.parse('__AIRSHED_PRECACHE__') as Precache;

/** The site's directory (where index.html and this script live), e.g. https://host/airshed/. */
const ROOT = new URL('./', self.location.href).href;
const INDEX = new URL('index.html', ROOT).href;
/** Caches are shared by the whole origin: name ours after the site's directory too, so that two
 *  deployments under different paths of one host never delete each other's caches. */
const PREFIX = `airshed-precache ${ROOT} `;
const CACHE = PREFIX + PRECACHE.version;

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // keys() lists caches in creation order: the one made just before ours is the previous build.
      const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      for (const name of older.slice(0, -1)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(ROOT)) return;
  event.respondWith(respond(request));
});

/** All or nothing: if any file fails, installation fails and is retried on the next visit. */
async function precache(): Promise<void> {
  try {
    const responses = await Promise.all(
      PRECACHE.files.map(async (file) => {
        const url = new URL(file, ROOT).href;
        // Revalidate with the server: the HTTP cache may hold an older deployment's index.html or data.
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return [url, response.redirected ? await unredirected(response) : response] as const;
      }),
    );
    const cache = await caches.open(CACHE);
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/** Browsers refuse a redirected response as the answer to a navigation (e.g. a host that
 *  redirects /index.html to /): keep the body and headers only. */
async function unredirected(response: Response): Promise<Response> {
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const directory = request.url.split('?')[0] === ROOT;
  const options = { ignoreSearch: true, ignoreVary: true };
  const cached = await cache.match(directory ? INDEX : request, options);
  if (cached) return cached;
  // A file of the previous build (a lazy chunk an open tab still asks for).
  if (!directory) {
    for (const name of await caches.keys()) {
      if (!name.startsWith(PREFIX) || name === CACHE) continue;
      const old = await (await caches.open(name)).match(request, options);
      if (old) return old;
    }
  }
  try {
    return await fetch(request);
  } catch (error) {
    const index = request.mode === 'navigate' ? await cache.match(INDEX) : undefined;
    if (index) return index;
    throw error;
  }
}

export {};
