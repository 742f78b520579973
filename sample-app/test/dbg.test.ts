import { it } from "vitest";
import { buildBundle } from "../scripts/bundle";
it("dbg", async () => {
  console.error("start");
  const p = await buildBundle("/tmp/dbg-bundle.tgz");
  console.error("done", p);
}, 30000);
