import { useEffect, useRef } from 'preact/hooks';

/** What stops a form or the wizard going on, focused so it is read out and seen at once. */
export function ProblemsAlert({ problems }: { problems: string[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div class="problems" role="alert" tabIndex={-1} ref={box}>
      <ul>
        {problems.map((problem) => (
          <li key={problem} class="form-error">
            {problem}
          </li>
        ))}
      </ul>
    </div>
  );
}
