"use client";

import { useId, useImperativeHandle, useRef, useState, type Ref } from "react";
import { embedSnippet, embedUrl } from "@/lib/share/embed";
import { copyText } from "./clipboard";

export interface EmbedDialogHandle {
  /** Opens the dialog with the code for the view the address bar shows now; focus returns to `opener` on close. */
  open(opener: HTMLElement | null): void;
}

const BUTTON =
  "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-slate-900";

/** A modal with the iframe code for the current view: labelled, closed by Esc or its buttons. */
export function EmbedDialog({
  petitionId,
  title,
  ref,
}: {
  petitionId: number;
  title: string;
  ref: Ref<EmbedDialogHandle>;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const [snippet, setSnippet] = useState("");
  const [previewUrl, setPreviewUrl] = useState("");
  const [status, setStatus] = useState({ id: 0, text: "" });
  const headingId = useId();
  const codeId = useId();

  useImperativeHandle(ref, () => ({
    open(opener) {
      const { origin, search } = window.location;
      setSnippet(embedSnippet({ origin, petitionId, search, title }));
      setPreviewUrl(embedUrl({ origin, petitionId, search }));
      setStatus({ id: 0, text: "" });
      openerRef.current = opener;
      dialogRef.current?.showModal();
    },
  }));

  const copy = async () => {
    const copied = await copyText(snippet, dialogRef.current ?? undefined);
    if (!copied) codeRef.current?.select();
    setStatus((previous) => ({
      id: previous.id + 1,
      text: copied
        ? "Embed code copied."
        : "Could not copy: the code is selected, press Ctrl+C (⌘C on a Mac).",
    }));
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={headingId}
      onClose={() => openerRef.current?.focus()}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-3 p-5">
        <h2 id={headingId} className="text-lg font-semibold">
          Embed this map
        </h2>
        <p className="text-sm text-slate-700">
          Paste this code into a web page to show this petition&apos;s map with the same colouring, seat and
          camera. Readers can click seats and open the full view.
        </p>
        <label htmlFor={codeId} className="block text-sm font-medium">
          HTML code
        </label>
        <textarea
          id={codeId}
          ref={codeRef}
          readOnly
          value={snippet}
          rows={4}
          onFocus={(event) => event.currentTarget.select()}
          className="w-full rounded border border-slate-300 bg-slate-50 p-2 font-mono text-xs"
        />
        <p role="status" className="min-h-5 text-sm text-slate-700">
          {status.text && <span key={status.id}>{status.text}</span>}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" onClick={copy} className={BUTTON}>
            Copy code
          </button>
          <a href={previewUrl} target="_blank" rel="noopener" className="text-sm text-sky-800 underline">
            Preview the embed (new tab)
          </a>
          <button type="button" onClick={() => dialogRef.current?.close()} className={`${BUTTON} ml-auto`}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
