/** Shown on routes whose view has not been built yet: says so plainly, shows nothing fake. */
export function NotBuilt({ title, issue, what }: { title: string; issue: number; what: string }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p className="not-built" role="status">
        This view is not built yet. It will show {what} (issue {issue}).
      </p>
    </section>
  );
}
