"use client";
// The dashboard's two charts (recharts, shipped only with the dashboard route). Each has its table view on
// the page, so the chart itself is presented as an image with a summary for screen readers.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const BRAND = "#15803d";

export function LorenzChart({
  points,
  label,
  evenLabel,
  actualLabel,
}: {
  points: { vendors: number; value: number }[];
  label: string;
  evenLabel: string;
  actualLabel: string;
}) {
  const data = points.map((p) => ({
    x: Math.round(p.vendors * 1000) / 10,
    actual: Math.round(p.value * 1000) / 10,
    even: Math.round(p.vendors * 1000) / 10,
  }));
  return (
    <div role="img" aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="x" type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <YAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} width={44} />
          <Tooltip formatter={(v) => `${v}%`} labelFormatter={(x) => `${x}% UMKM`} />
          <Line
            dataKey="even"
            name={evenLabel}
            stroke="#94a3b8"
            strokeDasharray="5 5"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="actual"
            name={actualLabel}
            stroke={BRAND}
            strokeWidth={3}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function TrendChart({
  months,
  label,
  spendLabel,
  giniLabel,
  monthNames,
  spendAxis,
  giniAxis,
}: {
  months: { month: string; awarded: number; gini: number | null }[];
  label: string;
  spendLabel: string;
  giniLabel: string;
  /** Short month names in the reader's language, January first. */
  monthNames: string[];
  spendAxis: string;
  giniAxis: string;
}) {
  const data = months.map((m) => ({
    month: monthNames[Number(m.month.slice(5)) - 1] ?? m.month.slice(5),
    spend: Math.round(m.awarded / 100_000) / 10,
    // A month without orders has no Gini: a gap in the line, not a 0.
    gini: m.gini === null ? null : Math.round(m.gini * 100) / 100,
  }));
  return (
    <div role="img" aria-label={label} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 20, right: 4, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} interval={0} angle={-45} textAnchor="end" height={40} />
          <YAxis
            yAxisId="spend"
            tick={{ fontSize: 11 }}
            width={56}
            tickFormatter={(v: number) => v.toLocaleString("id-ID")}
            label={{ value: spendAxis, position: "top", offset: 8, fontSize: 11, dx: 14 }}
          />
          <YAxis
            yAxisId="gini"
            orientation="right"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tick={{ fontSize: 11 }}
            width={40}
            label={{ value: giniAxis, position: "top", offset: 8, fontSize: 11 }}
          />
          <Tooltip />
          <Legend verticalAlign="bottom" wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="spend" dataKey="spend" name={spendLabel} fill={BRAND} isAnimationActive={false} />
          <Line
            yAxisId="gini"
            dataKey="gini"
            name={giniLabel}
            stroke="#b45309"
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
