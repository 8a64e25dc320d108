import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n } from './i18n';
import { loadWords } from './ui/console-words';

afterEach(() => cleanup());
// Pages load their console's words with their route; a component test renders them alone, so every console's words are in.
await loadWords('coordinator', 'mentor', 'sponsor', 'admin');
void i18n.changeLanguage('en');
