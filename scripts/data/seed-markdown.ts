/** The parts of a petition snapshot in the seed's markdown (title, sections, tables). */
export interface SeedSnapshot {
  action: string;
  background: string;
  signatureCount: number;
  /** The government response as paragraphs, in order. */
  responseParagraphs: string[];
  /** History event → [date, time], UK wall-clock. */
  history: Map<string, [string, string]>;
  countries: { name: string; count: number }[];
  constituencies: { name: string; mp: string; count: number }[];
}

/** "268,513" → 268513. */
export function parseSeedCount(text: string): number {
  const value = Number(text.replace(/,/g, ""));
  if (!Number.isInteger(value) || value < 0) throw new Error(`Not a count: "${text}"`);
  return value;
}

/** `### Heading` → its lines, up to the next heading. */
function sections(markdown: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    if (heading) {
      current = [];
      map.set(heading[1]!, current);
    } else {
      current?.push(line);
    }
  }
  return map;
}

function section(all: Map<string, string[]>, name: string): string[] {
  const lines = all.get(name);
  if (!lines) throw new Error(`Seed has no "${name}" section`);
  return lines;
}

/** Paragraphs: runs of non-blank lines, each trimmed and joined with spaces. */
export function paragraphs(lines: string[]): string[] {
  const result: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, ""]) {
    if (line.trim() === "") {
      if (current.length > 0) result.push(current.join(" "));
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  return result;
}

/** Body rows of the first markdown table in the lines: cells trimmed, header and `- | -:` rule skipped. */
export function tableRows(lines: string[]): string[][] {
  const rows = lines
    .filter((line) => line.trim().startsWith("|"))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim()),
    );
  return rows.slice(2);
}

export function parseSeedMarkdown(markdown: string): SeedSnapshot {
  const title = /^#\s+(.+?)\s*$/m.exec(markdown);
  if (!title) throw new Error("Seed has no title");
  const all = sections(markdown);
  const total = /\*\*([\d,]+) signatures\*\*/.exec(section(all, "Signatures").join("\n"));
  if (!total) throw new Error("Seed has no signature total");
  const history = new Map<string, [string, string]>();
  for (const [event, date, time] of tableRows(section(all, "History"))) history.set(event!, [date!, time!]);
  return {
    action: title[1]!,
    background: paragraphs(section(all, "Background")).join("\n\n"),
    signatureCount: parseSeedCount(total[1]!),
    responseParagraphs: paragraphs(section(all, "Government Response")),
    history,
    countries: tableRows(section(all, "Signatures by Country")).map(([, name, count]) => ({
      name: name!,
      count: parseSeedCount(count!),
    })),
    constituencies: tableRows(section(all, "Signatures by Constituency")).map(([, name, mp, count]) => ({
      name: name!,
      mp: mp!,
      count: parseSeedCount(count!),
    })),
  };
}
