import { createRoot } from 'react-dom/client';
import { Shop } from './Shop';
import type { Strings } from './strings';

/** Renders the app into `root`; it signs the user in as it mounts. */
export async function startApp(root: HTMLElement, t: Strings): Promise<void> {
  createRoot(root).render(<Shop t={t} />);
}
