export function StartupError({ message }: { message: string }) {
  return (
    <main className="page startup-error">
      <h1>Sightline cannot start</h1>
      <p role="alert">{message}</p>
      <p>Check that the Sightline server is running and reload the page.</p>
    </main>
  );
}
