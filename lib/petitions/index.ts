/** Petitions for the rest of the app: the service (lib/petitions/service.ts) and the types and rules around it. */
export * from "./service";
export * from "./types";
export { PetitionError, isPetitionError, type PetitionErrorKind } from "./errors";
export {
  parsePetitionInput,
  petitionIdOf,
  PETITION_ID_PATTERN,
  PETITION_INPUT_HINT,
  type PetitionInputResult,
} from "./input";
export { reshapePetition, reshapePetitionList } from "./reshape";
export { PETITIONS_SITE, publicPetitionUrl, signPetitionUrl } from "./site";
export type { ListQuery } from "./client";
