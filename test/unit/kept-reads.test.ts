import { DescribeImagesCommand, DescribeInstanceAttributeCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it, vi } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import { readImages, readUserData } from "@/lib/aws/ec2";

/** EC2 as far as these reads go: each user data read answers something new, so a kept one shows. */
function ec2At(place: { region: string; endpoint?: string }) {
  let reads = 0;
  const send = vi.fn(async (command: unknown) => {
    if (command instanceof DescribeImagesCommand) {
      return {
        Images: (command.input.ImageIds ?? []).map((id) => ({ ImageId: id, Name: `al2023-${id}` })),
      };
    }
    if (command instanceof DescribeInstanceAttributeCommand) {
      reads += 1;
      return {
        UserData: { Value: Buffer.from(`#!/bin/bash\n# read ${reads}`).toString("base64") },
      };
    }
    throw new Error("not a read these tests make");
  });
  const aws = {
    target: { ...place, credentials: { accessKeyId: "AKIATEST", secretAccessKey: "test" } },
    ec2: () => ({ send }),
  } as unknown as AwsClients;
  return { aws, send };
}

const web = (overrides: { state?: string; launchedAt?: string } = {}) => ({
  id: `i-${Math.random().toString(16).slice(2, 19)}`,
  state: "running",
  launchedAt: "2026-12-04T09:00:00.000Z",
  ...overrides,
});

describe("reads a process keeps", () => {
  it("an AMI is read once where it was read, then kept", async () => {
    const seoul = ec2At({ region: "ap-northeast-2" });
    const image = `ami-${Math.random().toString(16).slice(2, 19)}`;
    expect((await readImages(seoul.aws, [image]))[image]?.name).toBe(`al2023-${image}`);
    expect((await readImages(seoul.aws, [image]))[image]?.name).toBe(`al2023-${image}`);
    expect(seoul.send).toHaveBeenCalledTimes(1);

    const virginia = ec2At({ region: "us-east-1" });
    await readImages(virginia.aws, [image]);
    const emulator = ec2At({ region: "ap-northeast-2", endpoint: "http://127.0.0.1:5000" });
    await readImages(emulator.aws, [image]);
    expect([virginia.send, emulator.send].map((send) => send.mock.calls.length)).toEqual([1, 1]);
  });

  it("on AWS, user data is kept while the instance runs from the same start, read again after a restart or while stopped", async () => {
    const { aws, send } = ec2At({ region: "ap-northeast-2" });
    const running = web();
    const first = (await readUserData(aws, [running]))[running.id];
    expect((await readUserData(aws, [running]))[running.id]).toBe(first);
    expect(send).toHaveBeenCalledTimes(1);

    const stopped = { ...running, state: "stopped" };
    await readUserData(aws, [stopped]);
    await readUserData(aws, [stopped]);
    expect(send).toHaveBeenCalledTimes(3);

    const restarted = { ...running, launchedAt: "2026-12-04T10:00:00.000Z" };
    const edited = (await readUserData(aws, [restarted]))[running.id];
    expect(edited).not.toBe(first);
    expect((await readUserData(aws, [restarted]))[running.id]).toBe(edited);
    expect(send).toHaveBeenCalledTimes(4);
  });

  it("on the emulator, whose restarted instances keep their first launch time, user data is read every time", async () => {
    const { aws, send } = ec2At({ region: "ap-northeast-2", endpoint: "http://127.0.0.1:5000" });
    const running = web();
    await readUserData(aws, [running]);
    await readUserData(aws, [running]);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
