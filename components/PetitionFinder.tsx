import { PETITION_INPUT_HINT } from "@/lib/petitions";

/** "Open a petition": a plain GET form, so it works without JavaScript; /open validates and redirects. */
export function PetitionFinder({ defaultValue = "", error }: { defaultValue?: string; error?: string }) {
  return (
    <form
      action="/open"
      method="get"
      role="search"
      aria-label="Open a petition"
      className="flex flex-wrap items-end gap-2"
    >
      <div className="flex min-w-0 flex-1 flex-col">
        <label htmlFor="petition-input" className="text-sm font-medium">
          Petition number or link
        </label>
        <input
          id="petition-input"
          name="petition"
          defaultValue={defaultValue}
          inputMode="url"
          autoComplete="off"
          placeholder="e.g. 575833 or https://petition.parliament.uk/petitions/575833"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "petition-input-error" : "petition-input-hint"}
          className="min-w-0 rounded border border-slate-400 px-2 py-1.5 text-slate-900"
        />
        <p id="petition-input-hint" className="sr-only">
          {PETITION_INPUT_HINT}
        </p>
      </div>
      <button
        type="submit"
        className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700"
      >
        Map it
      </button>
      {error && (
        <p id="petition-input-error" role="alert" className="w-full text-sm text-rose-800">
          {error}
        </p>
      )}
    </form>
  );
}
