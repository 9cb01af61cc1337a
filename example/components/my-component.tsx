'use client';
// The reference README's useAuth() example, as written (import path changed).
// Note the updated import path
import { useAuth } from 'authkit-rsc/components';

export default function MyComponent() {
  // Retrieves the user from the session or returns `null` if no user is signed in
  const { user, loading } = useAuth();

  if (loading) {
    return <div>Loading...</div>;
  }

  return <div>{user?.firstName}</div>;
}
