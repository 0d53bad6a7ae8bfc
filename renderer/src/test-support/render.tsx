import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

/** Renders into a fresh element of the test's DOM (happy-dom), with React's act() around every update. */
export async function render(node: ReactNode): Promise<{ container: HTMLElement; root: Root; unmount(): Promise<void> }> {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  return {
    container,
    root,
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises and the updates they cause settle, until `done` holds (or fails after `tries`). */
export async function until(done: () => boolean, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (done()) return;
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  throw new Error('the condition never held');
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(async () => element.click());
}
