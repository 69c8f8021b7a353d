/** The term named by the address's #fragment, followed through hashchange. */
import { useEffect, useState } from 'preact/hooks';

function fromHash(): string | null {
  const raw = location.hash.slice(1);
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function useHashTarget(): string | null {
  const [target, setTarget] = useState(fromHash);
  useEffect(() => {
    const onChange = () => setTarget(fromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return target;
}

/** Scrolls to the element and moves focus there, so keyboard and screen-reader users follow. */
export function revealElement(id: string, animate: boolean): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  const smooth = animate && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'instant' });
  element.focus({ preventScroll: true });
  return true;
}
