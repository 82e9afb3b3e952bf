// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  // `/editor` is written as `out/editor/index.html`, so any static host serves it.
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks everything (route exports too: `npm run typecheck` runs `next typegen`
  // and tsconfig lists its validator) before it builds; the build need not check it again.
  typescript: { ignoreBuildErrors: process.env.STORY_TYPECHECKED === '1' },
};

export default nextConfig;
