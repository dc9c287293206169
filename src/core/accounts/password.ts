/**
 * The password policy (等保 level 3: length, mixed character classes, nothing guessable), pure so
 * the server enforces it and the change-password page shows the very same rules as they are typed.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export type PasswordRule = 'length' | 'classes' | 'username' | 'common';

export interface PasswordCheck {
  rule: PasswordRule;
  /** The rule as shown beside the input. */
  text: string;
  ok: boolean;
  /** What to tell the user when the rule is broken. */
  problem: string;
}

/**
 * Passwords that meet the other rules yet top every leaked-password list (and so every guessing
 * dictionary), compared ignoring case.
 */
const COMMON = new Set([
  'password1', 'password1!', 'password@1', 'password@123', 'password123!', 'p@ssw0rd', 'p@ssw0rd1', 'p@ssw0rd123', 'p@55w0rd',
  'passw0rd', 'passw0rd!', 'passw0rd1', 'admin@123', 'admin@1234', 'admin123!', 'admin@2024', 'admin@2025', 'admin@2026',
  'root@123', 'root@1234', 'test@123', 'test@1234', 'abc@123', 'abc@1234', 'abc123!@#', 'abcd@1234', 'abcd1234!', 'aa123456',
  'aa123456!', 'aa@123456', 'qq123456', 'qwer1234', 'qwer@1234', 'qwerty123', 'qwerty1!', 'qwe123!@#', 'qwe@1234', '1qaz@wsx',
  '1qaz!qaz', '1qaz2wsx!', '1q2w3e4r!', '1q2w3e4r5t', 'zxcv1234', 'asdf1234', 'asdf@1234', 'welcome1', 'welcome@1', 'welcome123',
  'changeme1', 'changeme!', 'letmein1', 'iloveyou1', 'woaini520', 'woaini1314', 'huawei@123', 'huawei12#$', 'sys@1234',
  'system@123', 'user@123', 'user@1234', 'china@123', 'beijing@123', 'a1234567', 'a12345678', 'a123456789', 'abc12345',
  'abcd1234', 'password123', 'pass@word1', 'super@123', 'manager@123', 'oracle@123', 'mysql@123', 'guest@123', 'demo@123',
  'demo@1234', 'qazwsx123', 'qaz123456', 'zaq12wsx', 'q1w2e3r4', 'aa111111', 'a1b2c3d4', '123qwe!@#', '123456aa', '123456qq',
  '12345678a', '123456abc', 'abc123456',
]);

const CLASSES: RegExp[] = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** Each rule and whether `password` meets it, for the account called `username`. */
export function checkPassword(password: string, username: string): PasswordCheck[] {
  const length = [...password].length;
  const classes = CLASSES.filter((c) => c.test(password)).length;
  const name = username.trim().toLowerCase();
  // Very short names (two letters) would forbid half of all passwords without making any safer.
  const containsName = name.length >= 3 && password.toLowerCase().includes(name);
  return [
    {
      rule: 'length', text: `长度 ${PASSWORD_MIN}～${PASSWORD_MAX} 位`, ok: length >= PASSWORD_MIN && length <= PASSWORD_MAX,
      problem: length < PASSWORD_MIN ? `密码至少 ${PASSWORD_MIN} 位` : `密码不能超过 ${PASSWORD_MAX} 位`,
    },
    { rule: 'classes', text: '包含大写字母、小写字母、数字、符号中的至少三类', ok: classes >= 3, problem: '密码须包含大写字母、小写字母、数字、符号中的至少三类' },
    { rule: 'username', text: '不包含用户名', ok: !containsName, problem: '密码不能包含用户名' },
    { rule: 'common', text: '不是常见密码', ok: !COMMON.has(password.toLowerCase()), problem: '这是常见密码，容易被猜中，请换一个' },
  ];
}

/** The problems of `password`, empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  return checkPassword(password, username).filter((c) => !c.ok).map((c) => c.problem);
}
