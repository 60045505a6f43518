/** `verifyToken`'s identity option for a uid or account as the positional builders take it. */
export function identityOf(user: number | string): { uid: number } | { account: string } {
  if (typeof user === 'number') return { uid: user };
  return user === '' ? { uid: 0 } : { account: user };
}
