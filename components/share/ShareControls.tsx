"use client";

import { useRef, useState, useSyncExternalStore } from "react";
import { useAtlas } from "@/components/atlas/atlas-context";
import { copyText } from "./clipboard";
import { EmbedDialog, type EmbedDialogHandle } from "./EmbedDialog";
import { MapImageButton } from "./MapImageButton";

const BUTTON =
  "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-slate-900 disabled:opacity-60";

const noSubscription = () => () => {};
const hasWebShare = () => typeof navigator.share === "function";

/**
 * Share this exact view. The URL is the view's only state, so every action reads the address bar at click time:
 * copy the link, hand it to the system share sheet (where there is one), get iframe code, or save the map as PNG.
 */
export function ShareControls({ title }: { title: string }) {
  const { petitionId } = useAtlas();
  const canShare = useSyncExternalStore(noSubscription, hasWebShare, () => false);
  const [status, setStatus] = useState({ id: 0, text: "" });
  const [manualLink, setManualLink] = useState<string | null>(null);
  const embedRef = useRef<EmbedDialogHandle>(null);

  // A new key re-inserts the text, so the same message twice is announced twice.
  const announce = (text: string) => setStatus((previous) => ({ id: previous.id + 1, text }));

  const copyLink = async () => {
    const url = window.location.href;
    if (await copyText(url)) {
      setManualLink(null);
      announce("Link to this view copied.");
    } else {
      setManualLink(url);
      announce("Could not copy automatically: the link is shown selected, press Ctrl+C (⌘C on a Mac).");
    }
  };

  const share = async () => {
    try {
      await navigator.share({ title, url: window.location.href });
    } catch (error) {
      // Closing the share sheet is a choice, not a failure.
      if (!(error instanceof DOMException && error.name === "AbortError"))
        announce("Could not open sharing.");
    }
  };

  return (
    <div className="space-y-1">
      <div role="group" aria-label="Share this view" className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={copyLink} className={BUTTON}>
          Copy link
        </button>
        {canShare && (
          <button type="button" onClick={share} className={BUTTON}>
            Share…
          </button>
        )}
        <button
          type="button"
          aria-haspopup="dialog"
          onClick={(event) => embedRef.current?.open(event.currentTarget)}
          className={BUTTON}
        >
          Embed
        </button>
        <MapImageButton title={title} className={BUTTON} onResult={announce} />
        <p role="status" className="text-sm text-slate-600">
          {status.text && <span key={status.id}>{status.text}</span>}
        </p>
      </div>
      {manualLink && (
        <label className="block text-sm">
          <span className="sr-only">Link to this view</span>
          <input
            readOnly
            value={manualLink}
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
          />
        </label>
      )}
      <EmbedDialog ref={embedRef} petitionId={petitionId} title={title} />
    </div>
  );
}
