import type { SignedIn } from '../api/auth.js';

/** A screen the shell shows under its navigation bar. */
export interface Page {
  readonly element: HTMLElement;
  /** Re-labels the screen after a language switch without losing its state. */
  retranslate?(): void;
  /** True while the screen holds work that closing the web app would lose. */
  hasUnsavedChanges?(): boolean;
  dispose?(): void;
}

export type PageFactory = (user: SignedIn) => Page;
