/**
 * The Content-Security-Policy of pages and of API answers. A page's policy allows exactly the inline scripts of its
 * stored bytes, by hash: the front server (server.ts) hashes them once per render, so every reader of a page gets
 * the same bytes and the same policy, and a script injected into the page matches no hash.
 */
import { createHash } from "node:crypto";

/**
 * Who may frame /embed/* pages: any site. This header replaces next.config.js's for pages (same header name),
 * so restrict embedding here.
 */
export const EMBED_FRAME_ANCESTORS = "*";

export interface PagePolicyOptions {
  /** The page's inline scripts as CSP sources ('sha256-…'), from inlineScriptHashes. */
  scriptHashes: readonly string[];
  /** /embed/* may be framed by other sites (EMBED_FRAME_ANCESTORS); everything else by none. */
  frameable: boolean;
  /** Only over HTTPS: upgrading would break plain-HTTP local runs. */
  upgradeInsecure: boolean;
}

export function pagePolicy({ scriptHashes, frameable, upgradeInsecure }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // Our own files (Next's chunks, MapLibre) and the page's own inline scripts by hash; never 'unsafe-inline'.
    ["script-src 'self'", ...scriptHashes].join(" "),
    // No <style> elements; style="" attributes cannot carry a hash, and React renders many of them (map and legend
    // colours, bar widths), so attributes alone are allowed inline: they cannot run code.
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    // MapLibre paints tiles and sprites from data: and blob: URLs; its worker is a module under /_next/static.
    "img-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameable ? EMBED_FRAME_ANCESTORS : "'none'"}`,
    ...(upgradeInsecure ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SCRIPT_SRC = /\ssrc\s*=/i;
const TYPE_ATTRIBUTE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const RUNNABLE_TYPE = /^(?:|text\/javascript|application\/javascript|module)$/i;

/** A type attribute naming no JavaScript marks a data block (such as JSON), which browsers never run. */
function isDataBlock(attributes: string): boolean {
  const type = TYPE_ATTRIBUTE.exec(attributes);
  return type !== null && !RUNNABLE_TYPE.test((type[1] ?? type[2] ?? type[3] ?? "").trim());
}

/** The CSP source ('sha256-…') of every distinct inline script a browser would run in this HTML, in order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", text = ""] of html.matchAll(INLINE_SCRIPT)) {
    if (SCRIPT_SRC.test(attributes) || isDataBlock(attributes)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** JSON and CSV never need to load or run anything, nor be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Paths whose pages other sites may embed in an iframe. */
export function isFrameablePath(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}
