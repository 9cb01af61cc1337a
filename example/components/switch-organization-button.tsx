'use client';
// The reference README's SwitchOrganizationButton (import path changed). The organization to
// switch to comes from the page (one of the user's other memberships) instead of 'org_123'.
import { useAuth } from 'authkit-rsc/components';
import React, { useEffect } from 'react';

export function SwitchOrganizationButton({ targetOrganizationId }: { targetOrganizationId: string }) {
  const { user, organizationId, loading, refreshAuth } = useAuth();

  useEffect(() => {
    // This will log out the new organizationId after refreshing the session
    // eslint-disable-next-line no-console -- the README's example logs
    console.log('organizationId', organizationId);
  }, [organizationId]);

  if (loading) {
    return <div>Loading...</div>;
  }

  const handleRefreshSession = async () => {
    const result = await refreshAuth({
      // Provide the organizationId to switch to
      organizationId: targetOrganizationId,
    });

    if (result?.error) {
      // eslint-disable-next-line no-console -- the README's example logs
      console.log('Error refreshing session:', result.error);
    }
  };

  if (user) {
    return <button onClick={handleRefreshSession}>Refresh session</button>;
  } else {
    return <div>Not signed in</div>;
  }
}
