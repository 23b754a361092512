/**
 * A text field with a list of choices under it (the ARIA 1.2 combobox pattern): typing filters, the
 * arrows move through the options (announced through aria-activedescendant), Enter picks, Escape
 * closes the list first and the dialog only after that.
 */
import { useId, useState, type ReactNode, type RefObject } from 'react';

export interface ComboOption {
  id: string;
  content: ReactNode;
  /** Options that open a section of their own (create a new source) are set apart. */
  special?: boolean;
}

interface Props {
  label: string;
  listLabel: string;
  value: string;
  placeholder?: string;
  options: readonly ComboOption[];
  /** Shown in place of the list when it is empty (no matches). */
  empty?: ReactNode;
  inputRef?: RefObject<HTMLInputElement | null>;
  invalid?: boolean;
  onChange(value: string): void;
  onPick(id: string): void;
}

export function Combobox({ label, listLabel, value, placeholder, options, empty, inputRef, invalid, onChange, onPick }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const expanded = open && (options.length > 0 || empty !== undefined);
  const current = Math.min(active, options.length - 1);

  const pick = (optionId: string) => {
    setOpen(false);
    onPick(optionId);
  };

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && current >= 0 ? `${id}-opt-${current}` : undefined}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        dir="auto"
        value={value}
        placeholder={placeholder}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          onChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) setOpen(true);
            else if (options.length > 0) setActive((current + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length);
          } else if (e.key === 'Enter' && expanded && options[current]) {
            e.preventDefault();
            pick(options[current].id);
          } else if (e.key === 'Escape' && expanded) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={listLabel} className="combo-list" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === current}
            className={o.special ? 'combo-option combo-special' : 'combo-option'}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(o.id)}
          >
            {o.content}
          </li>
        ))}
        {options.length === 0 && empty !== undefined && (
          <li role="presentation" className="combo-empty">
            {empty}
          </li>
        )}
      </ul>
    </div>
  );
}
