"use client";
// Re-renders the server page every second while its submission is still queued or running.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhilePending() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
