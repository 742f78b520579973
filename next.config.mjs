/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["better-sqlite3", "mysql2"],
  outputFileTracingIncludes: {
    "/lab/**": ["./content/**/*"],
  },
  poweredByHeader: false,
  // Next logs server action arguments in development; those include pasted AWS secrets.
  logging: { serverFunctions: false },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Not no-referrer: with it a browser sends `Origin: null` on POST, and Next refuses the
          // server action as cross-site.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
