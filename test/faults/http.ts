/** Plain HTTP against the running app for the fault, fuzz and security browser tests (loopback only, bounded in count and time). */
import http from "node:http";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * GETs a path exactly as given (fetch would normalise "..", which is the point of some of these tests), optionally
 * from another loopback address (127.0.0.2 …), which the server sees as another client.
 */
export function rawGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<Answer> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, path, method: "GET", headers, localAddress, timeout: 30_000 },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`GET ${path} took over 30 s`)));
    request.on("error", reject);
    request.end();
  });
}

/**
 * Why an error answer is not a clear one, or null: JSON needs a non-empty `error`, HTML a heading, plain text (an
 * image's or a static file's error) a sentence.
 */
export function unclearError(answer: Answer): string | null {
  if (answer.status < 400) return null;
  const type = String(answer.headers["content-type"] ?? "");
  if (type.includes("application/json")) {
    try {
      const error = (JSON.parse(answer.body) as { error?: unknown }).error;
      return typeof error === "string" && error.trim() !== "" ? null : "JSON without an error message";
    } catch {
      return "invalid JSON";
    }
  }
  if (type.includes("text/html")) {
    if (/<h1[\s>]/i.test(answer.body)) return null;
    // Next 16 answers notFound() in a page with an empty shell and draws the not-found page from its flight data.
    const shellHeading =
      answer.body.includes('id="__next_error__"') && answer.body.includes('[\\"$\\",\\"h1\\"');
    return shellHeading ? null : "HTML without a heading";
  }
  if (type.includes("text/plain")) return answer.body.trim() === "" ? "empty plain text" : null;
  return `an error answer of type "${type}"`;
}

/** A stack trace or an internal path leaking into a page. */
export function leaksInternals(body: string): boolean {
  return /\n\s+at \S+ \(|node_modules\/|\/work\/|webpack-internal:/.test(body);
}

/** Runs `workers` loops of `step` until `ms` have passed; resolves with every step's result. */
export async function loopFor<T>(ms: number, workers: number, step: (n: number) => Promise<T>): Promise<T[]> {
  const deadline = Date.now() + ms;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let n = worker; Date.now() < deadline; n += workers) results.push(await step(n));
    }),
  );
  return results;
}
