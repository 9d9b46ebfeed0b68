import type { ComparedSeat } from "@/lib/compare/compare";
import { formatRate } from "@/lib/format";

const SIZE = 360;
const PAD = 40;

/** Each seat's rate for A (across) against B (up), per 1,000 electors, both axes from 0. */
export function RateScatter({
  seats,
  labelA,
  labelB,
}: {
  seats: readonly ComparedSeat[];
  labelA: string;
  labelB: string;
}) {
  const maxA = Math.max(...seats.map((seat) => seat.rateA), 1e-9);
  const maxB = Math.max(...seats.map((seat) => seat.rateB), 1e-9);
  const x = (value: number) => PAD + (value / maxA) * (SIZE - PAD - 10);
  const y = (value: number) => SIZE - PAD - (value / maxB) * (SIZE - PAD - 10);
  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`Scatter of ${seats.length} seats: signatures per 1,000 electors for ${labelA} across, ${labelB} up`}
      className="w-full max-w-md"
    >
      <line x1={PAD} y1={SIZE - PAD} x2={SIZE - 10} y2={SIZE - PAD} stroke="#475569" />
      <line x1={PAD} y1={10} x2={PAD} y2={SIZE - PAD} stroke="#475569" />
      <text x={SIZE - 10} y={SIZE - 12} textAnchor="end" fontSize={11} fill="#334155">
        {labelA} per 1,000 (max {formatRate(maxA)})
      </text>
      <text
        x={12}
        y={SIZE / 2}
        fontSize={11}
        fill="#334155"
        transform={`rotate(-90 12 ${SIZE / 2})`}
        textAnchor="middle"
      >
        {labelB} per 1,000 (max {formatRate(maxB)})
      </text>
      <g fill="#0369a1" fillOpacity={0.5}>
        {seats.map((seat) => (
          <circle key={seat.code} cx={x(seat.rateA).toFixed(1)} cy={y(seat.rateB).toFixed(1)} r={2} />
        ))}
      </g>
    </svg>
  );
}
