// @ts-check
const immutable = "public, max-age=31536000, immutable";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets tests and benchmarks build into their own folder beside a running dev server.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Geometry files carry a content hash in their names, so browsers may keep them forever.
  async headers() {
    return [{ source: "/geo/:file*", headers: [{ key: "Cache-Control", value: immutable }] }];
  },
};

module.exports = nextConfig;
