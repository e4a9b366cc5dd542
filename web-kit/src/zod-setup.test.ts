import { describe, expect, it } from "vitest";
import { configureZodJitless } from "./zod-setup.ts";

describe("zod-setup", () => {
  it("makes zod, loaded afterwards, jitless: it never constructs a Function (a CSP violation in the browser)", async () => {
    configureZodJitless();
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);

    const RealFunction = globalThis.Function;
    const calls: unknown[][] = [];
    globalThis.Function = new Proxy(RealFunction, {
      construct: (target, args) => (calls.push(args), Reflect.construct(target, args)),
      apply: (target, self, args) => (calls.push(args), Reflect.apply(target, self, args)),
    });
    try {
      const Schema = z.object({ perihal: z.string(), lokasi: z.object({ lat: z.number() }) });
      for (let i = 0; i < 3; i++) expect(Schema.parse({ perihal: "Unjuk rasa", lokasi: { lat: i } })).toEqual({ perihal: "Unjuk rasa", lokasi: { lat: i } });
      expect(Schema.safeParse({ perihal: 1 }).success).toBe(false);
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(calls).toEqual([]);
  });

  it("keeps settings already made on the shared object", () => {
    const scope = { __zod_globalConfig: { customError: "kept" } } as object;
    configureZodJitless(scope);
    expect(scope).toEqual({ __zod_globalConfig: { customError: "kept", jitless: true } });
  });
});
