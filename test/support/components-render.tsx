/**
 * Renders client components inside a seeded client `AuthKitProvider`, the way the server shell
 * seeds it (`authRoute` included), with the focus check off so tests only see the calls they cause.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AuthKitProvider } from '../../src/components/client/auth-kit-provider.js';
import type { AuthKitProviderProps } from '../../src/components/client/auth-kit-provider.js';
import type { ClientAuth } from '../../src/shared/types.js';

export const TEST_AUTH_ROUTE = 'http://localhost:3000/callback';

/** `render(ui)` under a provider seeded with `auth` (`undefined`: an unseeded, loading provider). */
export function renderWithAuth(ui: ReactElement, auth: ClientAuth | undefined, props: Partial<AuthKitProviderProps> = {}) {
  return render(
    <AuthKitProvider initialAuth={auth} authRoute={TEST_AUTH_ROUTE} onSessionExpired={false} {...props}>{ui}</AuthKitProvider>,
  );
}
