/**
 * A catalog sentence with a piece of markup in it ("As of {date} · <pack title lang=…>"): the
 * message is fetched with SLOT in the placeholder's place, so each language decides where it goes.
 */
import type { ComponentChildren } from 'preact';

export const SLOT = '\u0000';

export function Slotted(props: { text: string; children: ComponentChildren }) {
  const [before, ...after] = props.text.split(SLOT);
  return (
    <>
      {before}
      {props.children}
      {after.join('')}
    </>
  );
}
