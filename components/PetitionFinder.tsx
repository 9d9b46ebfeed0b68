import { PETITION_INPUT_HINT } from "@/lib/petitions";
import { publicPetitionUrl } from "@/lib/petitions/site";

interface Props {
  /** Distinct ids let the site bar's compact finder and a page's own finder share a page. */
  idPrefix?: string;
  compact?: boolean;
  defaultValue?: string;
  error?: string;
}

/** "Open a petition": a plain GET form, so it works without JavaScript; /open validates and redirects. */
export function PetitionFinder({ idPrefix = "petition", compact = false, defaultValue = "", error }: Props) {
  const inputId = `${idPrefix}-input`;
  return (
    <form
      action="/open"
      method="get"
      role="search"
      aria-label="Open a petition"
      className={`flex items-end gap-2 ${compact ? "" : "flex-wrap"}`}
    >
      <div className="flex min-w-0 flex-1 flex-col">
        <label htmlFor={inputId} className={compact ? "sr-only" : "text-sm font-medium"}>
          Petition number or link
        </label>
        <input
          id={inputId}
          name="petition"
          defaultValue={defaultValue}
          inputMode="url"
          autoComplete="off"
          placeholder={compact ? "Petition number or link" : `e.g. 575833 or ${publicPetitionUrl(575833)}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : `${inputId}-hint`}
          className={`min-w-0 rounded border border-slate-400 bg-white px-2 text-slate-900 ${compact ? "py-1 text-sm" : "py-1.5"}`}
        />
        <p id={`${inputId}-hint`} className="sr-only">
          {PETITION_INPUT_HINT}
        </p>
      </div>
      <button
        type="submit"
        className={`rounded bg-slate-900 font-medium text-white hover:bg-slate-700 ${compact ? "px-3 py-1 text-sm" : "px-4 py-1.5"}`}
      >
        Map it
      </button>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="w-full text-sm text-rose-800">
          {error}
        </p>
      )}
    </form>
  );
}
