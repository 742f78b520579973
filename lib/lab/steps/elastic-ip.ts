import { allocateAddress, associateAddress, releaseAddress } from "@/lib/aws/ec2";
import type { AddressSummary } from "@/lib/aws/types";
import { blocked, create, exists, fail, msg, pass, remove, warn } from "@/lib/lab/build";
import { addressOf, findWebInstance } from "@/lib/lab/compute-facts";
import { needsWebEntry, needsWebItem } from "@/lib/lab/steps/web-server-group";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";

/** AWS charges every public IPv4 address by the hour since February 2024, idle or not. */
const PUBLIC_IPV4_USD_PER_HOUR = "0.005";

const isIdle = (address: AddressSummary) => !address.associationId && !address.instanceId;

/** Only addresses do-it-for-me allocated for this attendee are the portal's to reuse or release. */
const madeByPortal = (address: AddressSummary, ctx: StepContext) =>
  address.tags["aws101:attendee"] === ctx.attendeeId;

const ips = (addresses: AddressSummary[]) =>
  addresses.map((address) => address.publicIp).join(", ");

export const elasticIpStep = defineStep({
  id: "elastic-ip",
  needs: ["instances", "addresses"],
  started: (facts) => facts.addresses.length > 0,
  check(facts, ctx) {
    const web = findWebInstance(facts.instances);
    if (!web) return [needsWebItem];
    const attached = addressOf(facts.addresses, web.id);
    const idle = facts.addresses.filter(isIdle);
    const items: CheckItem[] = [
      attached
        ? pass("address", msg("check.eip.associated", { ip: attached.publicIp, id: web.id }))
        : fail(
            "address",
            msg(idle.length > 0 ? "check.eip.notAssociated" : "check.eip.missing"),
            msg(idle.length > 0 ? "fix.eip.associate" : "fix.eip.allocate"),
          ),
    ];
    if (!attached) return items;
    const ours = idle.filter((address) => madeByPortal(address, ctx));
    const others = idle.filter((address) => !madeByPortal(address, ctx));
    if (ours.length > 0) {
      items.push(
        fail(
          "idle-addresses",
          msg("check.eip.idlePortal", { count: ours.length, ips: ips(ours) }),
          msg("fix.eip.release"),
        ),
      );
    }
    if (others.length > 0) {
      items.push(
        warn(
          "idle-other",
          msg("check.eip.idleOther", {
            count: others.length,
            ips: ips(others),
            usdPerHour: PUBLIC_IPV4_USD_PER_HOUR,
          }),
          msg("fix.eip.releaseIfUnused"),
        ),
      );
    }
    return items;
  },
  plan(facts, ctx) {
    const web = findWebInstance(facts.instances);
    if (!web) return [needsWebEntry];
    const attached = addressOf(facts.addresses, web.id);
    const reusable = facts.addresses.filter(
      (address) => isIdle(address) && madeByPortal(address, ctx),
    );
    if (attached) {
      const entries: PlanEntry[] = [
        exists("address", msg("plan.eip.exists", { ip: attached.publicIp })),
      ];
      for (const address of reusable) {
        entries.push(
          remove(
            `release:${address.allocationId}`,
            msg("plan.eip.release", { ip: address.publicIp }),
            msg("done.eip.released", { ip: address.publicIp }),
            ({ aws }) => releaseAddress(aws, address.allocationId),
          ),
        );
      }
      return entries;
    }
    // AWS refuses to associate an address with an instance that isn't running yet.
    if (web.state !== "running") {
      return [blocked("instance", msg("plan.eip.waitForRunning", { state: web.state }))];
    }
    const reuse = reusable[0];
    if (reuse) {
      return [
        create(
          "address",
          msg("plan.eip.reuse", { ip: reuse.publicIp }),
          msg("done.eip.associated", { ip: reuse.publicIp }),
          ({ aws }) => associateAddress(aws, reuse.allocationId, web.id),
        ),
      ];
    }
    return [
      create(
        "address",
        msg("plan.eip.allocate"),
        msg("done.eip.allocated"),
        async ({ aws, tags }) => {
          const allocated = await allocateAddress(aws, tags);
          await associateAddress(aws, allocated.allocationId, web.id);
        },
      ),
    ];
  },
});
