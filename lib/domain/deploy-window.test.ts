import { describe, expect, it } from "vitest";
import { checkWindow, describeWindow, isValidTimeZone, nextOpening, type DeployWindow } from "./deploy-window";

const prod: DeployWindow = { days: [1, 2, 3, 4], start: "10:00", end: "14:00", timeZone: "Europe/London", freezes: [] };
const at = (iso: string) => new Date(iso);
const freeze = (from: string, to: string, reason = "freeze") => ({ startsAt: at(from), endsAt: at(to), reason });

// [case, window, instant, open?, closesAt | opensAt]
const CASES: [string, DeployWindow, string, boolean, string | null][] = [
  // Edges of Mon–Thu 10:00–14:00 London in winter (GMT = UTC). 25 Nov 2026 is a Wednesday.
  ["one ms before opening", prod, "2026-11-25T09:59:59.999Z", false, "2026-11-25T10:00:00.000Z"],
  ["exactly at opening", prod, "2026-11-25T10:00:00.000Z", true, "2026-11-25T14:00:00.000Z"],
  ["last ms of the window", prod, "2026-11-25T13:59:59.999Z", true, "2026-11-25T14:00:00.000Z"],
  ["exactly at closing (end is exclusive)", prod, "2026-11-25T14:00:00.000Z", false, "2026-11-26T10:00:00.000Z"],
  ["Thursday after closing → Monday", prod, "2026-11-26T14:00:00.000Z", false, "2026-11-30T10:00:00.000Z"],
  ["Friday → Monday", prod, "2026-11-27T11:00:00.000Z", false, "2026-11-30T10:00:00.000Z"],
  ["Sunday 23:59 → Monday", prod, "2026-11-29T23:59:00.000Z", false, "2026-11-30T10:00:00.000Z"],
  // Summer: BST = UTC+1, so the window is 09:00–13:00 UTC.
  ["summer opening in UTC", prod, "2026-07-01T09:00:00.000Z", true, "2026-07-01T13:00:00.000Z"],
  ["summer 09:59 UTC is 10:59 local: open", prod, "2026-07-01T09:59:00.000Z", true, "2026-07-01T13:00:00.000Z"],
  ["summer 13:30 UTC is 14:30 local: closed", prod, "2026-07-01T13:30:00.000Z", false, "2026-07-02T09:00:00.000Z"],
  // London DST week: clocks go forward Sun 29 Mar 2026, back Sun 25 Oct 2026.
  ["spring forward: Thu (GMT) → Mon (BST)", prod, "2026-03-26T15:00:00.000Z", false, "2026-03-30T09:00:00.000Z"],
  ["spring forward: Thursday before, in GMT", prod, "2026-03-26T10:00:00.000Z", true, "2026-03-26T14:00:00.000Z"],
  ["fall back: Thu (BST) → Mon (GMT)", prod, "2026-10-22T13:00:00.000Z", false, "2026-10-26T10:00:00.000Z"],
  ["fall back: Thursday before, in BST", prod, "2026-10-22T09:00:00.000Z", true, "2026-10-22T13:00:00.000Z"],
  // New York: forward Sun 8 Mar 2026, back Sun 1 Nov 2026. A nightly 01:00–03:00 window.
  ["NY spring forward: 02:00–03:00 does not exist, window is one hour", { days: [], start: "01:00", end: "03:00", timeZone: "America/New_York", freezes: [] }, "2026-03-08T06:30:00.000Z", true, "2026-03-08T07:00:00.000Z"],
  ["NY spring forward: opens at 01:00 EST", { days: [], start: "01:00", end: "03:00", timeZone: "America/New_York", freezes: [] }, "2026-03-08T05:59:00.000Z", false, "2026-03-08T06:00:00.000Z"],
  ["NY fall back: 01:00 is the first (EDT) one, window is three hours", { days: [], start: "01:00", end: "03:00", timeZone: "America/New_York", freezes: [] }, "2026-11-01T05:00:00.000Z", true, "2026-11-01T08:00:00.000Z"],
  ["NY fall back: the day after is two hours again", { days: [], start: "01:00", end: "03:00", timeZone: "America/New_York", freezes: [] }, "2026-11-02T06:00:00.000Z", true, "2026-11-02T08:00:00.000Z"],
  ["NY weekday window in EDT", { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", timeZone: "America/New_York", freezes: [] }, "2026-03-09T12:59:00.000Z", false, "2026-03-09T13:00:00.000Z"],
  ["NY Friday evening before the switch → Monday in EDT", { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", timeZone: "America/New_York", freezes: [] }, "2026-03-06T22:00:00.000Z", false, "2026-03-09T13:00:00.000Z"],
  // Day boundaries.
  ["whole Monday: last minute open", { days: [1], start: "00:00", end: "24:00", timeZone: "UTC", freezes: [] }, "2026-11-23T23:59:00.000Z", true, "2026-11-24T00:00:00.000Z"],
  ["whole Monday: Sunday 23:59 → Monday 00:00", { days: [1], start: "00:00", end: "24:00", timeZone: "UTC", freezes: [] }, "2026-11-22T23:59:00.000Z", false, "2026-11-23T00:00:00.000Z"],
  ["Mon+Tue whole days join into one stretch", { days: [1, 2], start: "00:00", end: "24:00", timeZone: "UTC", freezes: [] }, "2026-11-23T12:00:00.000Z", true, "2026-11-25T00:00:00.000Z"],
  ["overnight 22:00–02:00 on Mondays: the tail on Tuesday is open", { days: [1], start: "22:00", end: "02:00", timeZone: "UTC", freezes: [] }, "2026-11-24T01:00:00.000Z", true, "2026-11-24T02:00:00.000Z"],
  ["overnight: Tuesday 02:00 closed until next Monday 22:00", { days: [1], start: "22:00", end: "02:00", timeZone: "UTC", freezes: [] }, "2026-11-24T02:00:00.000Z", false, "2026-11-30T22:00:00.000Z"],
  ["any time: open, never closes", { days: [], start: "00:00", end: "24:00", timeZone: "Europe/London", freezes: [] }, "2026-11-28T03:00:00.000Z", true, null],
  // Freezes.
  ["freeze inside the window closes it early", { ...prod, freezes: [freeze("2026-11-25T11:00:00Z", "2026-11-25T12:00:00Z")] }, "2026-11-25T10:30:00.000Z", true, "2026-11-25T11:00:00.000Z"],
  ["inside a freeze: reopens when it ends, same window", { ...prod, freezes: [freeze("2026-11-25T11:00:00Z", "2026-11-25T12:00:00Z")] }, "2026-11-25T11:30:00.000Z", false, "2026-11-25T12:00:00.000Z"],
  ["overlapping freezes chain", { ...prod, freezes: [freeze("2026-11-25T11:00:00Z", "2026-11-25T12:00:00Z"), freeze("2026-11-25T11:30:00Z", "2026-11-25T13:00:00Z")] }, "2026-11-25T11:15:00.000Z", false, "2026-11-25T13:00:00.000Z"],
  ["freeze covering the rest of the window → next day", { ...prod, freezes: [freeze("2026-11-25T12:00:00Z", "2026-11-25T14:00:00Z")] }, "2026-11-25T12:30:00.000Z", false, "2026-11-26T10:00:00.000Z"],
  ["freeze over several days (holidays)", { ...prod, freezes: [freeze("2026-12-21T00:00:00Z", "2027-01-05T00:00:00Z", "holidays")] }, "2026-12-22T11:00:00.000Z", false, "2027-01-05T10:00:00.000Z"],
  ["freeze ending mid-window opens at its end", { ...prod, freezes: [freeze("2026-11-24T00:00:00Z", "2026-11-25T11:45:00Z")] }, "2026-11-24T12:00:00.000Z", false, "2026-11-25T11:45:00.000Z"],
  ["any time with a freeze later: closes when it starts", { days: [], start: "00:00", end: "24:00", timeZone: "UTC", freezes: [freeze("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z")] }, "2026-11-28T03:00:00.000Z", true, "2026-12-01T00:00:00.000Z"],
  ["any time inside a freeze", { days: [], start: "00:00", end: "24:00", timeZone: "UTC", freezes: [freeze("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z")] }, "2026-12-01T03:00:00.000Z", false, "2026-12-02T00:00:00.000Z"],
  ["a freeze that ended does not matter", { ...prod, freezes: [freeze("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")] }, "2026-11-25T10:00:00.000Z", true, "2026-11-25T14:00:00.000Z"],
];

describe("checkWindow / nextOpening", () => {
  for (const [name, w, instant, open, edge] of CASES) {
    it(name, () => {
      const result = checkWindow(w, at(instant));
      expect(result.open).toBe(open);
      if (result.open) expect(result.closesAt?.toISOString() ?? null).toBe(edge);
      else expect(result.opensAt?.toISOString() ?? null).toBe(edge);
      expect(nextOpening(w, at(instant))?.toISOString()).toBe(open ? at(instant).toISOString() : edge);
    });
  }

  it("says why it is closed", () => {
    expect(checkWindow(prod, at("2026-11-27T11:00:00Z"))).toMatchObject({ open: false, reason: "outside_days" });
    expect(checkWindow(prod, at("2026-11-25T08:00:00Z"))).toMatchObject({ open: false, reason: "outside_hours" });
    const f = freeze("2026-11-25T11:00:00Z", "2026-11-25T12:00:00Z", "Black Friday");
    expect(checkWindow({ ...prod, freezes: [f] }, at("2026-11-25T11:00:00Z"))).toMatchObject({ open: false, reason: "freeze", freeze: { reason: "Black Friday" } });
  });

  it("finds nothing when a freeze covers the whole search horizon", () => {
    expect(nextOpening({ ...prod, freezes: [freeze("2026-01-01T00:00:00Z", "2030-01-01T00:00:00Z")] }, at("2026-11-25T11:00:00Z"))).toBeNull();
  });

  it("a remembered answer is the answer a fresh computation gives, at every instant", () => {
    // checkWindow remembers its last answer per window object until it could change; walking
    // time forward in uneven steps across edges, DST switches and freezes, every answer must
    // equal one computed from scratch (a copy of the window is a new object: nothing remembered).
    const windows = [...new Set(CASES.map(([, w]) => w))];
    const starts = ["2026-11-20T00:00:00Z", "2026-03-05T00:00:00Z", "2026-10-28T00:00:00Z"];
    let checked = 0;
    for (const w of windows) {
      for (const start of starts) {
        for (let t = at(start).getTime(), i = 0; i < 300; i++, t += 31 * 60_000 + (i % 5) * 13_000) {
          expect(checkWindow(w, new Date(t))).toEqual(checkWindow(structuredClone(w), new Date(t)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

});

describe("describeWindow / isValidTimeZone", () => {
  it.each([
    [prod, "Mon–Thu 10:00–14:00 Europe/London"],
    [{ days: [], start: "00:00", end: "24:00", timeZone: "UTC" }, "any time"],
    [{ days: [1, 3, 5], start: "09:00", end: "17:00", timeZone: "America/New_York" }, "Mon, Wed, Fri 09:00–17:00 America/New_York"],
  ])("%o → %s", (w, text) => expect(describeWindow(w)).toBe(text));
  it("validates IANA zones", () => {
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
