// Offline use: registers the service worker (src/sw.ts, built into sw.js next to index.html)
// once the page has loaded, so that its precaching does not compete with the first paint.
// Production builds only; `vite dev` serves no sw.js. Imported once, from main.ts.

function registerOffline(): void {
  const register = () => {
    // The site may be hosted under any path: the script and its scope are index.html's directory.
    const root = new URL('./', document.baseURI);
    navigator.serviceWorker.register(new URL('sw.js', root), { scope: root.pathname }).catch((error: unknown) => {
      // Offline use is a bonus: never an error on the page (e.g. file://, private windows).
      console.info(`Airshed: offline use is unavailable (${error instanceof Error ? error.message : String(error)})`);
    });
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

// Some browsers throw on merely reading navigator.serviceWorker (e.g. Firefox with storage blocked).
try {
  if (import.meta.env.PROD && 'serviceWorker' in navigator) registerOffline();
} catch (error) {
  console.info(`Airshed: offline use is unavailable (${String(error)})`);
}

export {};
