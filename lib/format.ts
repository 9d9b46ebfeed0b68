const wholeNumber = new Intl.NumberFormat("en-GB");

export function formatCount(value: number): string {
  return wholeNumber.format(value);
}

/** Shares as the petitions site shows them: two decimals. */
export function formatShare(value: number): string {
  return `${value.toFixed(2)}%`;
}

export function formatRate(value: number): string {
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function formatOrdinal(rank: number): string {
  const lastTwo = rank % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[rank % 10] ?? "th");
  return `${rank}${suffix}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** How a seat's rate compares with the UK's, in words a reader can check. */
export function compareWithRate(rate: number, ukRate: number): string {
  if (ukRate <= 0) return "No UK rate to compare with";
  const ratio = rate / ukRate;
  if (Math.abs(ratio - 1) < 0.005) return "The same as the UK rate";
  const percent = Math.round(Math.abs(ratio - 1) * 100);
  return `${percent}% ${ratio > 1 ? "above" : "below"} the UK rate of ${formatRate(ukRate)}`;
}
