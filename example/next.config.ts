import type { NextConfig } from 'next';

// Nothing special: the kit needs no Next configuration.
const nextConfig: NextConfig = {};

export default nextConfig;
