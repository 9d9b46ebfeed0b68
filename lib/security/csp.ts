/** The Content-Security-Policy of pages and of API answers; proxy.ts adds them per request. */

/** 128 random bits, base64: a fresh one for every page response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Who may frame /embed/* pages: any site. This header replaces next.config.js's for pages (same header name),
 * so restrict embedding here.
 */
export const EMBED_FRAME_ANCESTORS = "*";

export interface PagePolicyOptions {
  nonce: string;
  /** /embed/* may be framed by other sites (EMBED_FRAME_ANCESTORS); everything else by none. */
  frameable: boolean;
  /** Only over HTTPS: upgrading would break plain-HTTP local runs. */
  upgradeInsecure: boolean;
  /** `next dev` needs eval for its error overlay; production never does. */
  dev?: boolean;
}

export function pagePolicy({ nonce, frameable, upgradeInsecure, dev = false }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // Only scripts carrying this response's nonce, and what they load ('strict-dynamic': Next's chunks).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style="" attributes cannot carry one, and React renders many of them
    // (map and legend colours, bar widths), so attributes alone are allowed inline: they cannot run code.
    `style-src 'self' 'nonce-${nonce}'`,
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

/** JSON and CSV never need to load or run anything, nor be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Paths whose pages other sites may embed in an iframe. */
export function isFrameablePath(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

/** The script nonce a page policy carries, for the few inline scripts we write ourselves. */
export function nonceOf(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}
