"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import useSWRMutation from "swr/mutation";
import { ApiRequestError, fetchJson } from "@/lib/api/fetch";
import { describePostcodeSeat } from "@/lib/postcodes/describe";
import type { PostcodeBody } from "@/lib/api/types";
import type { SeatRef } from "@/lib/postcodes/lookup";
import { looksLikePostcode, searchSeats, type SeatMatch } from "@/lib/search/seat-search";
import { useAtlas, usePin } from "./atlas-context";
import { useView, useViewUpdate } from "./use-view-state";

interface Message {
  tone: "info" | "error";
  text: string;
  alternatives?: SeatRef[];
}

/**
 * Find a seat by postcode, constituency or MP: a WAI-ARIA combobox for names, a server lookup for postcodes.
 * Without JavaScript the form posts to /find, which redirects to the seat (or lists the seats it may be in) by a
 * URL without the postcode.
 */
export function SeatSearch() {
  const { rows, set, petitionId, pathname } = useAtlas();
  const metric = useView((view) => view.metric);
  const { update } = useViewUpdate();
  const { setPin } = usePin();
  const id = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState<Message | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // What the reader typed before the page's scripts ran (they load after the first paint) is theirs to keep.
  useLayoutEffect(() => {
    const typed = input.current?.value ?? "";
    if (typed !== "") {
      setQuery(typed);
      setOpen(true);
    }
  }, []);
  // A lookup the reader starts: SWR's mutation runs it and caches nothing (a postcode is never kept).
  const { trigger: lookUpPostcode, isMutating: busy } = useSWRMutation(
    "/api/postcodes",
    (route: string, { arg }: { arg: string }) =>
      fetchJson<Extract<PostcodeBody, { sets: unknown }>>(`${route}/${encodeURIComponent(arg.trim())}`),
  );

  const searchable = useMemo(
    () => rows.map((row) => ({ code: row.code, name: row.name, mpName: row.mp?.name ?? null })),
    [rows],
  );
  const matches = useMemo(
    () => (looksLikePostcode(query) ? [] : searchSeats(query, searchable)),
    [query, searchable],
  );
  const listId = `${id}-list`;
  const expanded = open && matches.length > 0;

  function choose(match: SeatMatch) {
    update({ area: match.code, at: null });
    setQuery(match.name);
    setOpen(false);
    setActive(-1);
    setPin(null);
    setMessage({ tone: "info", text: `Showing ${match.name}.` });
  }

  async function findPostcode(raw: string) {
    const unplaced = `We could not place ${raw} in a ${set} constituency.`;
    try {
      const answer = await lookUpPostcode(raw);
      const seat = answer.sets[set];
      if (!seat) {
        setMessage({ tone: "error", text: unplaced });
        return;
      }
      update({ area: seat.code, at: null });
      setPin(answer.location ? { ...answer.location, label: answer.postcode } : null);
      setMessage({ tone: "info", ...describePostcodeSeat(answer.postcode, seat) });
    } catch (error) {
      // The API's own message when it gave one (not a postcode, not found…); an outage says so.
      const reason =
        error instanceof ApiRequestError ? (error.reason ?? (error.status < 500 ? unplaced : null)) : null;
      setMessage({
        tone: "error",
        text: reason ?? "Postcode search is unavailable just now. Please try again.",
      });
    }
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const chosen = matches[active] ?? (looksLikePostcode(query) ? undefined : matches[0]);
    if (chosen) choose(chosen);
    else if (looksLikePostcode(query)) void findPostcode(query);
    else
      setMessage({
        tone: "error",
        text: query.trim()
          ? `No constituency or MP matches “${query.trim()}”.`
          : "Enter a postcode, constituency or MP.",
      });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && matches.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % matches.length);
    } else if (event.key === "ArrowUp" && matches.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index <= 0 ? matches.length - 1 : index - 1));
    } else if (event.key === "Escape" && expanded) {
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <form
      action="/find"
      method="post"
      role="search"
      aria-label="Find a constituency"
      onSubmit={onSubmit}
      className="relative"
    >
      <input type="hidden" name="petition" value={petitionId} />
      <input type="hidden" name="from" value={pathname} />
      {metric !== "count" && <input type="hidden" name="metric" value={metric} />}
      <label htmlFor={`${id}-input`} className="sr-only">
        Find your constituency
      </label>
      <div className="flex gap-2 rounded-lg bg-white/95 p-1 shadow">
        <input
          ref={input}
          id={`${id}-input`}
          name="q"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          placeholder="Postcode, constituency or MP"
          className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1.5"
        />
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          Find
        </button>
      </div>
      <p id={`${id}-hint`} className="sr-only">
        Postcodes are looked up on our server and never shared or put in links.
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching constituencies"
        hidden={!expanded}
        className="absolute z-30 mt-1 max-h-72 w-full overflow-y-auto rounded border border-slate-300 bg-white shadow-lg"
      >
        {matches.map((match, index) => (
          <li
            key={match.code}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(match);
            }}
            className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? "bg-sky-100" : "hover:bg-slate-50"}`}
          >
            {match.name}
            {match.matchedOn === "mp" && match.mpName && (
              <span className="text-slate-600"> — MP {match.mpName}</span>
            )}
          </li>
        ))}
      </ul>
      <p
        role="status"
        aria-live="polite"
        className={`mt-1 rounded text-sm ${message ? "bg-white/95 px-2 py-1 shadow" : ""} ${message?.tone === "error" ? "text-rose-800" : "text-slate-700"}`}
      >
        {message?.text}
        {message?.alternatives?.map((alternative) => (
          <span key={alternative.code}>
            {" "}
            <button
              type="button"
              onClick={() => update({ area: alternative.code, at: null })}
              className="text-sky-800 underline"
            >
              Show {alternative.name}
            </button>
          </span>
        ))}
      </p>
    </form>
  );
}
