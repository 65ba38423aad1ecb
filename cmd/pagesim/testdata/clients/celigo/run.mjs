// Runs Celigo's listAll (listall.mjs: the Node example of Celigo's
// pagination page, copied unchanged) against
// pagesim serve -api. The example reads two names it does not define, BASE
// and TOKEN: they are set here as globals, the API's base URL pointed at the
// local server.
globalThis.BASE = process.env.PAGESIM_BASE;
globalThis.TOKEN = "pagesim-test-token";
await import("./listall.mjs");
