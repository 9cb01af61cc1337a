import type { OauthTokens } from 'authkit-rsc';
import { handleAuth } from 'authkit-rsc';

// Where an app would persist upstream OAuth tokens (a database); a list here, so a test can look.
export const savedTokens: (OauthTokens | undefined)[] = [];
async function saveTokens(oauthTokens: OauthTokens | undefined) {
  savedTokens.push(oauthTokens);
}

export const GET = handleAuth({
  onSuccess: async ({ oauthTokens }) => {
    await saveTokens(oauthTokens);
  },
});
