import type { SourceRef } from '../../../../shared/engine/decision-schema';

/**
 * The pages behind a finding, as links a customer can open: target=_blank goes through the window-open
 * handler of electron/main/security.ts, which hands https links to the system browser and denies the window.
 */
export function SourceLinks({ sources }: { sources: readonly SourceRef[] }) {
  if (sources.length === 0) return null;
  return (
    <ul className="source-links" aria-label="Sources">
      {sources.map((s) => (
        <li key={s.id}>
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {s.title}
          </a>
          <span className="muted small">
            {' '}
            ({s.date ? `page of ${s.date}, ` : ''}checked {s.checked})
          </span>
        </li>
      ))}
    </ul>
  );
}
