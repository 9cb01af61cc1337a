import type { NextConfig } from 'next';

// The settings `create-next-app@16` writes: Cache Components and partial prefetching on. The kit
// needs nothing else: its parts stream into their own boundaries, so pages keep a static shell.
const nextConfig: NextConfig = {
  cacheComponents: true,
  partialPrefetching: true,
};

export default nextConfig;
