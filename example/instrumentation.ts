// Runs once when the server starts. The example polls WorkOS's events API (here, the emulator's)
// so a session revoked at WorkOS (signed out on another device, ended by an admin, a deleted
// user) is refused within seconds instead of when its access token expires. An app that WorkOS
// can reach would mount `handleWorkOSEvents()` as a webhook route instead; see docs/deployment.md.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { pollWorkOSEvents } = await import('authkit-rsc');
    pollWorkOSEvents({ intervalMs: 2_000 });
  }
}
