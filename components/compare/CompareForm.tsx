/** "Compare with…": a petition number, link or words of a title; /compare opens the pair or searches the index. */
export function CompareForm({ petitionId, defaultValue }: { petitionId: number; defaultValue?: string }) {
  return (
    <form action="/compare" method="get" className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="a" value={petitionId} />
      <label className="flex flex-col gap-1">
        <span className="text-slate-700">Compare with…</span>
        <input
          name="with"
          required
          defaultValue={defaultValue}
          placeholder="petition number, link or title words"
          className="w-64 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
        Compare
      </button>
    </form>
  );
}
