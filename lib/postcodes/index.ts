export { loadPostcodeIndex, type PostcodeIndex } from "./load";
export {
  lookupPostcode,
  type PostcodeFound,
  type PostcodeLookup,
  type Placement,
  type SeatAnswer,
  type SeatRef,
} from "./lookup";
export { crownDependencyOf, normalisePostcode, type CrownDependency } from "./normalise";
