// This page reads the session at its top (withAuth), which is request data: with Cache Components
// Next needs a boundary around it, and loading.tsx is that boundary. The layout, header included,
// stays in the static shell; this shows until the page streams in.
export default function Loading() {
  return <p className="hint" aria-busy="true">Loading…</p>;
}
