// An assessment's candidate: the account once linked, else the email the invitation went to.
export function CandidateName({ candidate, email }: { candidate: { name: string; email: string } | null; email: string }) {
  if (!candidate) {
    return (
      <span>
        {email} <span className="text-slate-500">(no account yet)</span>
      </span>
    );
  }
  return (
    <span>
      {candidate.name} <span className="text-slate-500">({candidate.email})</span>
    </span>
  );
}
