/**
 * zod compiles object parsers with `new Function` when it may, and finds out whether it may by trying
 * once. Under our CSP (script-src 'self', no 'unsafe-eval') that try is refused and reported as a
 * violation, although zod only falls back. Its `jitless` setting skips both the compiler and the try.
 *
 * zod keeps its settings on `globalThis.__zod_globalConfig` (so that copies of zod share them; it is
 * where `z.config()` writes). Setting it there, as a front end's entry imports this first, gives every
 * chunk the setting while the entry never downloads zod: importing `config` from zod itself would add
 * ~13 KB to the officer's login screen. The test beside this file checks that zod, loaded afterwards,
 * honours it and never calls `Function`.
 */
interface ZodGlobal {
  __zod_globalConfig?: { jitless?: boolean };
}

export function configureZodJitless(scope: object = globalThis): void {
  const g = scope as ZodGlobal;
  g.__zod_globalConfig ??= {};
  g.__zod_globalConfig.jitless = true;
}

configureZodJitless();
