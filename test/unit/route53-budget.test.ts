import { afterEach, describe, expect, it, vi } from "vitest";
import { budgetedRoute53Read, forgetRoute53Answer } from "@/lib/lab/route53-budget";

afterEach(() => {
  vi.useRealTimers();
});

describe("the class's Route 53 budget in the instructor account", () => {
  it("spends at most a burst at once, then reuses answers until tokens come back", async () => {
    vi.useFakeTimers();
    const account = `budget-${Math.random()}`;
    let calls = 0;
    const read = (key: string) =>
      budgetedRoute53Read(account, key, 15_000, async () => {
        calls += 1;
        return key;
      });
    const answers = await Promise.all(["a", "b", "c", "d", "e", "f"].map(read));
    expect(calls).toBe(4);
    expect(answers).toEqual(["a", "b", "c", "d", undefined, undefined]);

    // Within its lifetime an answer is reused without spending anything.
    expect(await read("a")).toBe("a");
    expect(calls).toBe(4);

    vi.advanceTimersByTime(1_000);
    expect(await Promise.all([read("e"), read("f"), read("g")])).toEqual(["e", "f", undefined]);
    expect(calls).toBe(6);

    // Stale answers stand in while the budget is spent.
    vi.advanceTimersByTime(16_000);
    forgetRoute53Answer(account, "b");
    const spent = await Promise.all(["h", "i", "j", "k"].map(read));
    expect(spent).toEqual(["h", "i", "j", "k"]);
    expect(await read("a")).toBe("a");
    expect(await read("b")).toBeUndefined();
  });
});
