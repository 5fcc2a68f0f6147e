// The bench's baseline: a bare dynamic Next.js app (not part of the product), built
// with the same Next version into /.next-baseline and started by `npm run bench`.
const config = { distDir: "../../.next-baseline", poweredByHeader: false };
export default config;
