const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** How far London's wall clock is ahead of UTC at an instant, in ms (0 in winter, 3,600,000 in summer). */
function londonOffset(instant: number): number {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const wallClock = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/** A UK wall-clock date and time ("2021-07-12", "14:59:45") → ISO UTC with milliseconds, e.g. "2021-07-12T13:59:45.000Z". */
export function londonToUtcIso(date: string, time: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(`${date} ${time}`);
  if (!match) throw new Error(`Not a date and time: "${date} ${time}"`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as number[];
  const asIfUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  // The offset at the guessed instant, then again at the corrected one (they differ only next to a clock change).
  const guess = asIfUtc - londonOffset(asIfUtc);
  return new Date(asIfUtc - londonOffset(guess)).toISOString();
}
