/** A form's own refusal, announced at once; the region stays so screen readers hear the next one. */
export function FormAlert({ message }: { message?: string }) {
  return (
    <div aria-live="assertive">
      {message ? (
        <p role="alert" className="text-rose-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
