'use client';
// The admin panel lists members through WorkOS. When that call fails (WorkOS unreachable), Next
// renders this boundary inside the layout instead of a bare error page: the header, the session
// and the rest of the app keep working, and the visitor can retry.
export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="card notice" role="alert">
      <h2>Members could not be loaded</h2>
      <p>WorkOS did not answer just now. You are still signed in.</p>
      <button type="button" onClick={reset}>Try again</button>
    </section>
  );
}
