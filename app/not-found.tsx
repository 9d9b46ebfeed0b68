import Link from "next/link";
import { publicPetitionUrl } from "@/lib/petitions/site";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl space-y-3 px-4 py-12">
      <h1 className="text-2xl font-bold">We could not find that</h1>
      <p>
        There is no petition or page at this address. Petition numbers come from the UK Parliament petitions
        site, for example 575833 in {publicPetitionUrl(575833)}.
      </p>
      <p className="flex gap-4">
        <Link href="/petitions" className="text-sky-800 underline">
          Find a petition
        </Link>
        <Link href="/" className="text-sky-800 underline">
          See the example map
        </Link>
      </p>
    </div>
  );
}
