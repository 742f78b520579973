/** A valid event for the console's create and edit actions, ending ten hours from now. */
export function eventSettings(name: string) {
  return {
    name,
    startsAt: "",
    endsAt: new Date(Date.now() + 10 * 60 * 60 * 1000).toISOString(),
    language: "ko",
    joiningOpen: true,
    attendeeCap: "",
    awsMode: "sandbox",
    roleArnTemplate: "",
    externalId: "",
    modulesEnabled: [],
    sharedDomain: "",
    sharedZoneId: "",
    instructorAccountId: "",
    crossaccountRole: "",
  };
}
