"use client";

import Link from "next/link";

/** Shown when the petitions site fails and we have no copy of this petition yet. */
export default function PetitionError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl space-y-3 px-4 py-12">
      <h1 className="text-2xl font-bold">This petition cannot be shown just now</h1>
      <p>
        The UK Parliament petitions site did not answer, and we have no recent copy of this petition. This is
        usually brief: please try again in a minute.
      </p>
      <p className="flex gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white"
        >
          Try again
        </button>
        <Link href="/" className="self-center text-sky-800 underline">
          See the example map
        </Link>
      </p>
    </div>
  );
}
