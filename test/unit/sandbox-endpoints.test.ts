import { describe, expect, it } from "vitest";
import { sandboxAccountId, sandboxEndpointFor, sandboxEndpointList } from "@/lib/sandbox/accounts";

const two = "http://127.0.0.1:4566, http://127.0.0.1:4567";
const accounts = Array.from({ length: 200 }, (_, index) => sandboxAccountId(`attendee-${index}`));

describe("sandbox accounts over several emulator processes", () => {
  it("reads one endpoint or a comma-separated list", () => {
    expect(sandboxEndpointList("http://127.0.0.1:4566")).toEqual(["http://127.0.0.1:4566"]);
    expect(sandboxEndpointList(`${two},`)).toEqual([
      "http://127.0.0.1:4566",
      "http://127.0.0.1:4567",
    ]);
  });

  it("keeps every account on one emulator, the same one every time", () => {
    for (const accountId of accounts) {
      expect(sandboxEndpointFor(two, accountId)).toBe(sandboxEndpointFor(two, accountId));
    }
    expect(sandboxEndpointFor("http://127.0.0.1:4566", accounts[0] ?? "")).toBe(
      "http://127.0.0.1:4566",
    );
  });

  it("spreads the accounts of a class over all processes", () => {
    const three = `${two},http://127.0.0.1:4568`;
    const perEndpoint = new Map<string, number>();
    for (const accountId of accounts) {
      const endpoint = sandboxEndpointFor(three, accountId);
      perEndpoint.set(endpoint, (perEndpoint.get(endpoint) ?? 0) + 1);
    }
    expect([...perEndpoint.keys()].sort()).toEqual(sandboxEndpointList(three));
    // 200 accounts over 3 processes: none gets fewer than half its share.
    for (const count of perEndpoint.values()) expect(count).toBeGreaterThan(200 / 3 / 2);
  });
});
