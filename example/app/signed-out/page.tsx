import Link from 'next/link';

export default function SignedOutPage() {
  return (
    <section className="card">
      <h1>You have signed out</h1>
      <p>Your session has ended here and at WorkOS.</p>
      <p><Link href="/">Back to the home page</Link></p>
    </section>
  );
}
