// Deploy windows: allowed days and hours in an IANA time zone, minus freeze
// periods. Pure; all times are instants (Date) and local times are computed with
// @date-fns/tz, so DST switches move the UTC edges, not the local ones.
import { TZDate } from "@date-fns/tz";

export interface Freeze {
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

export interface DeployWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday; empty = every day. */
  days: readonly number[];
  /** "HH:MM" local; end may be "24:00". End ≤ start means the window runs past midnight. */
  start: string;
  end: string;
  timeZone: string;
  freezes: readonly Freeze[];
}

export type WindowCheck =
  | { open: true; closesAt: Date | null }
  | { open: false; reason: "outside_days" | "outside_hours" | "freeze"; freeze?: Freeze; opensAt: Date | null };

const DAY_MS = 86_400_000;
const SEARCH_DAYS = 400;

export function parseHm(hm: string): { h: number; m: number } {
  const match = /^(\d{2}):(\d{2})$/.exec(hm);
  if (!match) throw new Error(`Invalid time "${hm}" (expected HH:MM)`);
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) throw new Error(`Invalid time "${hm}"`);
  return { h, m };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** True when the window is "any time" (every day, whole day, no freezes). */
export function isAlwaysOpen(w: DeployWindow): boolean {
  return w.days.length === 0 && w.start === "00:00" && w.end === "24:00" && w.freezes.length === 0;
}

function isoWeekday(d: TZDate): number {
  return d.getDay() === 0 ? 7 : d.getDay();
}

/** The window's [start, end) interval that opens on the local calendar day of `day`. */
function intervalOn(w: DeployWindow, year: number, month: number, date: number): { start: Date; end: Date } {
  const s = parseHm(w.start);
  const e = parseHm(w.end);
  const start = new TZDate(year, month, date, s.h, s.m, w.timeZone);
  const overnight = e.h * 60 + e.m <= s.h * 60 + s.m;
  const end = new TZDate(year, month, date + (overnight ? 1 : 0), e.h, e.m, w.timeZone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** Window intervals (ignoring freezes) that could contain or follow `from`, in time order. */
function* intervals(w: DeployWindow, from: Date): Generator<{ start: Date; end: Date }> {
  // Start a day early so an overnight window opened yesterday is found.
  const local = new TZDate(from.getTime() - DAY_MS, w.timeZone);
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + i, 12, 0, w.timeZone);
    if (w.days.length > 0 && !w.days.includes(isoWeekday(day))) continue;
    const iv = intervalOn(w, day.getFullYear(), day.getMonth(), day.getDate());
    if (iv.end.getTime() <= from.getTime() || iv.end.getTime() <= iv.start.getTime()) continue;
    yield iv;
  }
}

function freezeAt(w: DeployWindow, at: Date): Freeze | undefined {
  return w.freezes.find((f) => f.startsAt.getTime() <= at.getTime() && at.getTime() < f.endsAt.getTime());
}

/** Every day, all day: only freezes close it. */
function wholeDays(w: DeployWindow): boolean {
  const everyDay = w.days.length === 0 || [1, 2, 3, 4, 5, 6, 7].every((d) => w.days.includes(d));
  return everyDay && (w.start === w.end || (w.start === "00:00" && w.end === "24:00"));
}

/** The first instant ≥ from at which deploys are allowed, or null if none within ~a year. */
export function nextOpening(w: DeployWindow, from: Date): Date | null {
  const all = wholeDays(w) ? [{ start: from, end: new Date(8.64e15) }] : intervals(w, from);
  for (const iv of all) {
    let candidate = Math.max(iv.start.getTime(), from.getTime());
    // Freezes may overlap each other and the window: step past each in turn.
    for (let guard = 0; guard < 1000; guard++) {
      const f = freezeAt(w, new Date(candidate));
      if (!f) break;
      candidate = f.endsAt.getTime();
    }
    if (candidate < iv.end.getTime()) return new Date(candidate);
  }
  return null;
}

/**
 * The last answer per window object, with the span of time over which it cannot change.
 * Listing promotions asks the same window about "now" on every request, and each fresh
 * answer walks the calendar in the window's time zone.
 */
const answers = new WeakMap<DeployWindow, { from: number; until: number; check: WindowCheck }>();

/**
 * Is a deploy allowed at `at`; if so until when, if not why and from when. Remembered per
 * window object (the window and its freezes are not mutated once read) until the
 * next instant at which any part of the answer could differ: the window closing or
 * opening, a freeze starting or ending, or (for "outside_days"/"outside_hours") local midnight.
 */
export function checkWindow(w: DeployWindow, at: Date): WindowCheck {
  const t = at.getTime();
  const known = answers.get(w);
  if (known && known.from <= t && t < known.until) return known.check;
  const check = computeCheck(w, at);
  answers.set(w, { from: t, until: stableUntil(w, at, check), check });
  return check;
}

/** The first instant after `at` at which checkWindow(w, ·) may answer differently. */
function stableUntil(w: DeployWindow, at: Date, check: WindowCheck): number {
  const t = at.getTime();
  let until = Number.POSITIVE_INFINITY;
  const edge = check.open ? check.closesAt : check.opensAt;
  if (edge) until = edge.getTime();
  for (const f of w.freezes) {
    for (const b of [f.startsAt.getTime(), f.endsAt.getTime()]) if (b > t && b < until) until = b;
  }
  if (!check.open && check.reason !== "freeze") {
    const local = new TZDate(t, w.timeZone);
    const midnight = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, w.timeZone).getTime();
    if (midnight > t && midnight < until) until = midnight;
  }
  return until;
}

function computeCheck(w: DeployWindow, at: Date): WindowCheck {
  const opensAt = nextOpening(w, at);
  if (opensAt && opensAt.getTime() === at.getTime()) return { open: true, closesAt: closesAfter(w, at) };
  const freeze = freezeAt(w, at);
  if (freeze) return { open: false, reason: "freeze", freeze, opensAt };
  const local = new TZDate(at.getTime(), w.timeZone);
  const reason = w.days.length > 0 && !w.days.includes(isoWeekday(local)) ? "outside_days" : "outside_hours";
  return { open: false, reason, opensAt };
}

/** When an open stretch containing `at` ends: the window's end (joining back-to-back windows) or the next freeze. */
function closesAfter(w: DeployWindow, at: Date): Date | null {
  let end: number | null = null;
  let contiguous = true;
  let n = 0;
  for (const iv of wholeDays(w) ? [] : intervals(w, at)) {
    // Eight back-to-back days is a window that never closes by itself.
    if (++n > 8) break;
    if (end === null) end = iv.end.getTime();
    else if (iv.start.getTime() <= end) end = Math.max(end, iv.end.getTime());
    else {
      contiguous = false;
      break;
    }
  }
  const freeze = w.freezes
    .filter((f) => f.startsAt.getTime() > at.getTime() && (contiguous || f.startsAt.getTime() < end!))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (freeze) return freeze.startsAt;
  return contiguous ? null : new Date(end!);
}

const WEEKDAY = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Mon–Thu 10:00–14:00 Europe/London", "any time". */
export function describeWindow(w: Pick<DeployWindow, "days" | "start" | "end" | "timeZone">): string {
  const sorted = [...w.days].sort((a, b) => a - b);
  const consecutive = sorted.length > 1 && sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  const days = sorted.length === 0 ? "every day" : consecutive ? `${WEEKDAY[sorted[0]]}–${WEEKDAY[sorted.at(-1)!]}` : sorted.map((d) => WEEKDAY[d]).join(", ");
  if (sorted.length === 0 && w.start === "00:00" && w.end === "24:00") return "any time";
  return `${days} ${w.start}–${w.end} ${w.timeZone}`;
}

/** An instant formatted in a zone, e.g. "Mon 30 Nov 10:00 GMT". */
export function formatInZone(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZoneName: "short" }).format(at);
}
