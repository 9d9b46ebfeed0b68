export { loadPostcodeIndex, type PostcodeIndex } from "./load";
export {
  lookupPostcode,
  type PostcodeFound,
  type PostcodeLookup,
  type Seat2024,
  type SeatRef,
} from "./lookup";
export { crownDependencyOf, normalisePostcode, type CrownDependency } from "./normalise";
