import GLPKFactory, { type GLPK } from 'glpk.js/node';

let instance: Promise<GLPK> | undefined;

/** The synchronous glpk.js build (works in Node and inside our own module worker). */
export function loadGlpk(): Promise<GLPK> {
  instance ??= GLPKFactory();
  return instance;
}
