'use client';

import { Dialog } from './Dialog';
import styles from './ShortcutsDialog.module.css';

/** The keyboard shortcuts, as people read them. Kept beside useShortcuts, which acts on them. */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Ctrl/⌘ + Z', action: 'Undo' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl + Y', action: 'Redo' },
  { keys: 'Delete, Backspace', action: 'Delete the selected layer' },
  { keys: 'Ctrl/⌘ + D', action: 'Duplicate the selected layer' },
  { keys: 'Arrow keys', action: 'Move the selected layer (Shift: further)' },
  { keys: '+ / −', action: 'Make the selected layer bigger or smaller' },
  { keys: '[ / ]', action: 'Turn the selected layer' },
  { keys: 'Escape', action: 'Close a panel or dialog; then unselect the layer' },
  { keys: 'Tab, Shift + Tab', action: 'Move between controls' },
  { keys: 'Arrow keys in a group', action: 'Choose a font, colour or brush' },
  { keys: '?', action: 'Show this list' },
];

/** Lists the editor's keyboard shortcuts. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose}>
      <table className={styles.table}>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
