// The npm package's module entry (paging-playground.mjs). Importing it
// defines <paging-playground> in a browser; on a server, where Docusaurus,
// VitePress and Astro render pages first, it defines nothing and touches no
// browser global.
//
// The element loads its worker, WASM and stylesheet from the folder it is
// told with setBasePath(), else from beside this module when the module is
// served as installed (node_modules, or a copy of the package). A bundler
// that moves this module into its own chunk must be told where the
// package's files are served: setBasePath('/paging-playground/').
import { setBasePath, hasBasePath, basePath } from './element.js';

export { setBasePath, basePath };

if (typeof window !== 'undefined' && !hasBasePath()) {
  const here = new URL('./', import.meta.url);
  if (here.protocol === 'http:' || here.protocol === 'https:') setBasePath(here.href);
}
