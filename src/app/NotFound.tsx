import { Link } from '@tanstack/react-router';

export function NotFound() {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Page not found</h1>
      <p>
        Nothing lives at <code>{location.pathname}</code>. <Link to="/">Go to the home page</Link>.
      </p>
    </section>
  );
}
