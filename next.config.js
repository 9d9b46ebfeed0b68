// @ts-check
const immutable = "public, max-age=31536000, immutable";

/**
 * Sent with every response, static files included. The per-request CSP and X-Frame-Options (which differ for
 * /embed/*) are set in proxy.ts.
 */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), midi=(), " +
      "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * Link prefetches skip proxy.ts (no page is rendered for them), so their frame protection is set here; every page
 * but /embed/* may be framed by no one.
 */
const prefetchFrameHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
];
const NOT_EMBED = "/:path((?!embed(?:/|$)).*)";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets tests and benchmarks build into their own folder beside a running dev server.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // gzip at zlib's default level costs ~18 ms a petition page; a proxy or CDN in front can do it instead.
  compress: process.env.COMPRESS !== "off",
  // `npm test` type-checks the whole project as its own step (npm run typecheck); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // Geometry files carry a content hash in their names, so browsers may keep them forever.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: NOT_EMBED,
        has: [{ type: "header", key: "next-router-prefetch" }],
        headers: prefetchFrameHeaders,
      },
      {
        source: NOT_EMBED,
        has: [{ type: "header", key: "purpose", value: "prefetch" }],
        headers: prefetchFrameHeaders,
      },
      { source: "/geo/:file*", headers: [{ key: "Cache-Control", value: immutable }] },
    ];
  },
};

module.exports = nextConfig;
