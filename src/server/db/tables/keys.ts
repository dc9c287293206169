/** Rotatable signing keys of the platform (migration 024). */
export interface SigningKeyTable {
  kid: string;
  /** What the key signs: `handoff` (the department hand-off JWS). */
  purpose: string;
  public_pem: string;
  /** SM4 under the field key. */
  private_enc: string;
  created_at: string;
  /** Null while it is the newest or not yet rotated out; afterwards published and verifying until then. */
  retires_at: string | null;
}
