// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  // `/editor` is written as `out/editor/index.html`, so any static host serves it.
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
