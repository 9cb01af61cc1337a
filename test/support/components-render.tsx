/**
 * Renders client components inside the test kit's `MockAuthKitProvider`: the real client provider,
 * seeded the way the server shell seeds it (`authRoute` included), with the focus check off so
 * tests only see the calls they cause.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { loadMockProvider, MOCK_AUTH_ENV, MockAuthKitProvider } from '../../src/testing/index.js';
import type { MockAuthKitProviderProps, MockAuthState, MockSession } from '../../src/testing/index.js';

export const TEST_AUTH_ROUTE = MOCK_AUTH_ENV.NEXT_PUBLIC_WORKOS_REDIRECT_URI!;

// The provider module loads once; after that MockAuthKitProvider renders synchronously.
await loadMockProvider();

/** `render(ui)` under a provider seeded with `session` (`'loading'`: an unseeded provider). */
export function renderWithAuth(ui: ReactElement, session: MockSession | MockAuthState, props: Partial<MockAuthKitProviderProps> = {}) {
  return render(<MockAuthKitProvider session={session} {...props}>{ui}</MockAuthKitProvider>);
}
