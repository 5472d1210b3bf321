"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { ServiceOption } from "@/lib/query/types";

const MAX_MATCHES = 8;

/** Best matches first: slug or name starting with the text, then containing it. Over 1,000 services: microseconds. */
function matches(options: ServiceOption[], query: string, exclude: ReadonlySet<string>): ServiceOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const starts: ServiceOption[] = [];
  const contains: ServiceOption[] = [];
  for (const o of options) {
    if (exclude.has(o.slug)) continue;
    const slug = o.slug;
    const name = o.name.toLowerCase();
    if (slug.startsWith(q) || name.startsWith(q)) starts.push(o);
    else if (slug.includes(q) || name.includes(q)) contains.push(o);
    if (starts.length >= MAX_MATCHES) break;
  }
  return [...starts, ...contains].slice(0, MAX_MATCHES);
}

/**
 * A type-ahead over every service (the ARIA combobox pattern): type, arrow to a match, Enter adds
 * it. With nothing typed, Enter is left to the form, so "title, one service, Enter" declares.
 */
export function ServicePicker({ id, options, chosen, onAdd, invalid, describedBy }: { id: string; options: ServiceOption[]; chosen: ReadonlySet<string>; onAdd: (slug: string) => void; invalid?: boolean; describedBy?: string }) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const found = useMemo(() => matches(options, query, chosen), [options, query, chosen]);
  const open = found.length > 0;

  function add(slug: string) {
    onAdd(slug);
    setQuery("");
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && open) {
      e.preventDefault();
      setActive((a) => (a + 1) % found.length);
    } else if (e.key === "ArrowUp" && open) {
      e.preventDefault();
      setActive((a) => (a - 1 + found.length) % found.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      add((found[active] ?? found[0])?.slug as string);
    } else if (e.key === "Escape" && query) {
      e.preventDefault();
      setQuery("");
    }
  }

  return (
    <div className="combobox">
      <input
        id={id}
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder="Type a service's name or slug"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="combobox-list" hidden={!open} aria-label="Matching services">
        {found.map((o, i) => (
          <li
            key={o.slug}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault(); // keep focus in the input
              add(o.slug);
            }}
          >
            <span>{o.name}</span> <code>{o.slug}</code> <span className="muted">Tier {o.tier}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
