// Long identifiers (user@domain.example, DOMAIN\account, host.corp.local) break after their separators
// instead of in the middle of a word when a narrow column forces a wrap.
import { Fragment } from 'react';

export function BreakableText({ text }: { text: string }) {
  const parts = text.split(/(?<=[@\\.\-_/])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
