"use client";
// The time left until the assessment's deadline, ticking every second. The server's clock decides (it
// refuses late submissions); the offset from the server's "now" at render keeps a wrong client clock
// from showing a wrong figure. At zero, `refreshAtZero` reloads the server page, which then shows the
// assessment as handed in.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function Countdown({ deadline, serverNow, refreshAtZero = false }: { deadline: string; serverNow: string; refreshAtZero?: boolean }) {
  const router = useRouter();
  const end = new Date(deadline).getTime();
  const [skew] = useState(() => new Date(serverNow).getTime() - Date.now());
  const [left, setLeft] = useState(() => end - new Date(serverNow).getTime());

  useEffect(() => {
    const tick = () => setLeft(end - (Date.now() + skew));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [end, skew]);

  const over = left <= 0;
  useEffect(() => {
    if (over && refreshAtZero) router.refresh();
  }, [over, refreshAtZero, router]);

  const urgent = left < 5 * 60_000;
  return (
    <p
      className={`inline-flex items-baseline gap-2 rounded border px-3 py-1.5 text-sm ${over || urgent ? "border-red-300 bg-red-50 text-red-900" : "border-slate-300 bg-white"}`}
      data-testid="countdown"
    >
      <span>{over ? "Time is up." : "Time left:"}</span>
      {/* role=timer is not announced on every tick (implicit aria-live off); the deadline is in the text for screen readers. */}
      {!over && (
        <span role="timer" aria-label={`Time left until ${new Date(deadline).toISOString().slice(11, 16)} UTC`} className="font-mono text-base font-semibold tabular-nums">
          {format(left)}
        </span>
      )}
    </p>
  );
}
