// An assessment's candidate: the account once linked, else the email the invitation went to (nobody has
// opened the link with an account of that email yet).
export function CandidateName({ candidate, email }: { candidate: { name: string; email: string } | null; email: string }) {
  if (!candidate) {
    return (
      <span>
        {email} <span className="text-slate-500">(has not opened the link yet)</span>
      </span>
    );
  }
  return (
    <span>
      {candidate.name} <span className="text-slate-500">({candidate.email})</span>
    </span>
  );
}
