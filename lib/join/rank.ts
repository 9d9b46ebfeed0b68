/** Competition ranking ("1224"): equal values share a rank, so ties never look like an order. */
export function competitionRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
  const ranks = new Array<number>(values.length).fill(0);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    const previousRank = previous ? ranks[previous.index] : undefined;
    ranks[entry.index] =
      previous && previous.value === entry.value && previousRank !== undefined ? previousRank : position + 1;
  });
  return ranks;
}
