/** Accounts, sessions, department systems and identities from the unified identity service. */

export interface AccountTable {
  id: string;
  username: string;
  password_hash: string;
  role: 'applicant' | 'window' | 'reviewer' | 'lead' | 'admin' | 'auditor';
  display_name: string;
  department: string | null;
  subject: 'person' | 'enterprise' | null;
  id_number_enc: string | null;
  id_number_idx: string | null;
  phone_enc: string | null;
  email_enc: string | null;
  enterprise_uscc: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiClientTable {
  id: string;
  department: string;
  name: string;
  secret_enc: string;
  webhook_url: string | null;
  active: number;
  created_at: string;
}

export interface NonceTable {
  scope: string;
  nonce: string;
  seen_at: string;
}

/** An external identity (统一身份认证) linked to a local account (017); `acting_for` '' or an enterprise's credit code. */
export interface ExternalIdentityTable {
  issuer: string;
  subject: string;
  acting_for: string;
  audience: 'applicant' | 'staff';
  account_id: string;
  created_at: string;
}

/** An OpenID Connect log-in under way (017): found by a digest of the cookie's handle, used once. */
export interface OidcLoginTable {
  handle_hash: string;
  audience: 'applicant' | 'staff';
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
}

/** What a session begun through the identity service carries (017); `enterprises` is JSON. */
export interface OidcSessionTable {
  token_hash: string;
  audience: 'applicant' | 'staff';
  issuer: string;
  subject: string;
  person_account_id: string;
  enterprises: string;
  level: number | null;
  expires_at: string;
}
