"use client";
// The dashboard's two charts (recharts, shipped only with the dashboard route). Each has its table view on
// the page, so the chart itself is presented as an image with a summary for screen readers.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
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
}: {
  months: { month: string; delivered: number; awarded: number; gini: number }[];
  label: string;
  spendLabel: string;
}) {
  const data = months.map((m) => ({
    month: m.month.slice(5),
    spend: Math.round(m.awarded / 1_000_000),
    gini: m.awarded > 0 ? Math.round(m.gini * 100) / 100 : null,
  }));
  return (
    <div role="img" aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="spend" tick={{ fontSize: 12 }} width={44} unit=" jt" />
          <YAxis yAxisId="gini" orientation="right" domain={[0, 1]} tick={{ fontSize: 12 }} width={36} />
          <Tooltip />
          <Bar yAxisId="spend" dataKey="spend" name={spendLabel} fill={BRAND} isAnimationActive={false} />
          <Line
            yAxisId="gini"
            dataKey="gini"
            name="Gini"
            stroke="#b45309"
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
