import { type ComponentType, lazy } from 'react';
import { addWords } from '../i18n';

type Console = 'coordinator' | 'mentor' | 'sponsor' | 'admin';

// Each console's words, a chunk of their own (the coordinator's pages show the mentor's roll call, and the mentor's the coordinator's check-in screen).
const words: Record<Console, () => Promise<{ en: object; es: object }>> = {
  coordinator: () => import('../coordinator/messages'),
  mentor: () => import('../mentor/messages'),
  sponsor: () => import('../sponsor/messages'),
  admin: () => import('../admin/messages'),
};

/** Loads the consoles' words, each once (a second call finds the module loaded). */
export async function loadWords(...consoles: Console[]): Promise<void> {
  await Promise.all(consoles.map(async (name) => addWords(name, await words[name]())));
}

/** A console page loaded on first visit together with the words it shows (route-level code splitting). */
export function consolePage(load: () => Promise<{ default: ComponentType }>, ...consoles: Console[]) {
  return lazy(async () => (await Promise.all([load(), loadWords(...consoles)]))[0]);
}
