/**
 * Every error code the API answers with: its HTTP status and what it means. The server's AppError
 * helpers take only these codes, docs/errors.md lists exactly these, and each route's OpenAPI
 * description names the ones it can return.
 */
import { Type, type Static } from 'typebox';

interface Entry {
  /** The status it is answered with; a few codes are answered with either of two. */
  status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | readonly [number, number];
  meaning: string;
}

export const ERRORS = {
  // The request itself
  'invalid-request': { status: 400, meaning: '请求内容不符合接口约定（缺项、类型或取值不对），details 逐项指出' },
  'malformed-json': { status: 400, meaning: '请求内容不是合法的 JSON' },
  'malformed-url': { status: 400, meaning: '请求地址含有无法解析的 % 编码' },
  'bad-request': { status: 400, meaning: '其他无法处理的请求' },
  'invalid-characters': { status: 400, meaning: '请求内容含有 NUL 或不成对的代理字符' },
  'payload-too-large': { status: 413, meaning: '请求或上传的内容超过大小限制' },
  'unsupported-media-type': { status: 415, meaning: '不支持的内容类型（状态变更只接受 JSON，上传只接受 multipart）' },
  'unsupported-file-type': { status: 415, meaning: '不支持的文件类型' },
  'route-not-found': { status: 404, meaning: '没有这个接口' },
  'rate-limited': { status: 429, meaning: '请求过于频繁，请按 Retry-After 稍后再试' },
  'cross-site-request': { status: 403, meaning: '状态变更只接受本站页面发出的请求' },
  'internal': { status: 500, meaning: '服务器内部错误' },
  // Who is calling
  'unauthenticated': { status: 401, meaning: '未登录或会话已过期' },
  'invalid-credentials': { status: 401, meaning: '用户名或密码不对，或账号已锁定' },
  'unknown-client': { status: 401, meaning: '未登记或已停用的部门系统' },
  'bad-signature': { status: 401, meaning: '部门系统请求签名无效' },
  'stale': { status: 401, meaning: '部门系统请求的时间戳超出允许范围' },
  'replayed': { status: 401, meaning: '部门系统请求的随机数已用过（重放）' },
  'forbidden': { status: 403, meaning: '无权进行此操作' },
  'not-found': { status: 404, meaning: '所找的对象不存在，或无权查看' },
  // Accounts
  'weak-password': { status: 400, meaning: '新密码不符合密码规则' },
  'wrong-password': { status: 400, meaning: '当前密码不对' },
  // Log-in through the unified identity service (统一身份认证, OpenID Connect)
  'oidc-not-configured': { status: 404, meaning: '本部署未启用该统一身份认证登录' },
  'oidc-state-invalid': { status: 400, meaning: '登录状态无效或已过期（不是本浏览器发起的登录，或已用过），请重新登录' },
  'oidc-login-failed': { status: 401, meaning: '统一身份认证未完成登录（已取消或被拒绝）' },
  'oidc-token-invalid': { status: 401, meaning: '统一身份认证返回的身份令牌无效（已过期、被篡改或不属于本次登录）' },
  'oidc-claims-invalid': { status: 400, meaning: '统一身份认证提供的身份信息不完整或格式不对' },
  'oidc-level-too-low': { status: 403, meaning: '实名等级低于本平台要求' },
  'oidc-staff-unknown': { status: 403, meaning: '统一身份认证的工作人员在本平台没有对应账号' },
  'oidc-provider-unavailable': { status: 502, meaning: '统一身份认证服务暂时无法访问' },
  'act-as-not-allowed': { status: 403, meaning: '当前登录不能切换为该企业办理' },
  // Applying
  'answers-required': { status: 400, meaning: '一次提交所选事项、表单或申报时须同时提交引导问题的回答' },
  'answers-incomplete': { status: [400, 409], meaning: '还有引导问题未回答' },
  'not-eligible': { status: [400, 409], meaning: '所处情形不能通过一件事办理' },
  'invalid-answers': { status: 400, meaning: '引导问题的回答不对' },
  'invalid-form': { status: 400, meaning: '表单填写有误，details 逐项指出' },
  'incomplete-application': { status: 400, meaning: '申请还不完整（表单或材料缺项）' },
  'not-multipart': { status: 400, meaning: '上传须为 multipart/form-data' },
  'no-file': { status: 400, meaning: '没有收到文件' },
  'invalid-file-id': { status: 400, meaning: '文件编号格式不对' },
  'file-missing': { status: 404, meaning: '文件内容已不在存储中' },
  'file-corrupted': { status: 500, meaning: '文件内容与登记的摘要不符' },
  'file-store-unavailable': { status: 503, meaning: '文件存储暂时无法访问，可稍后重试' },
  'precheck-off': { status: 409, meaning: '智能预审未启用（本机没有 OCR 引擎，或已配置关闭）' },
  'unknown-material': { status: [400, 409], meaning: '本件的材料清单中没有这项材料' },
  'material-exempt': { status: 409, meaning: '该材料已免提交' },
  'material-not-uploaded': { status: 409, meaning: '该材料还没有上传' },
  'materials-missing': { status: 409, meaning: '还有必需的材料未提交' },
  'no-plan': { status: 409, meaning: '办件还没有办理方案' },
  'not-submittable': { status: 409, meaning: '办件当前不能提交' },
  'case-not-editable': { status: 409, meaning: '办件已提交，不能再修改' },
  'case-not-draft': { status: 409, meaning: '办件不是草稿' },
  'case-not-submitted': { status: 409, meaning: '办件尚未提交' },
  'case-not-accepted': { status: 409, meaning: '办件尚未受理' },
  'case-already-submitted': { status: 409, meaning: '办件已提交' },
  'case-already-accepted': { status: 409, meaning: '办件已受理' },
  'case-already-decided': { status: 409, meaning: '办件已有受理结论' },
  'case-closed': { status: 409, meaning: '办件已结束' },
  'catalogue-moved': { status: 409, meaning: '事项目录已发布新版本，请重新生成办理方案' },
  'concurrent-update': { status: 409, meaning: '办件刚被他人修改，请刷新后重试' },
  'invalid-plan': { status: 409, meaning: '办理方案无效' },
  'invalid-date': { status: 409, meaning: '日期无效' },
  'date-out-of-order': { status: 409, meaning: '办理日期早于上一次办理日期' },
  'invalid-id-number': { status: 400, meaning: '身份证号码不对' },
  'applicant-name-mismatch': { status: 409, meaning: '姓名与该身份证号码登记的不符' },
  'name-required': { status: 400, meaning: '须填写姓名' },
  'matter-required': { status: 400, meaning: '须指明一件事' },
  // Acceptance at the window
  'rejection-needs-reason': { status: 409, meaning: '不予受理须选择理由（不属于受理范围或不具备申请资格）并写明' },
  'corrections-required': { status: 409, meaning: '一次性告知补正须至少列出一项' },
  'correction-incomplete': { status: 409, meaning: '补正项须指明材料或表单项，并写明问题和补正要求' },
  'unknown-field': { status: 409, meaning: '申请表中没有这个表单项' },
  'corrections-pending': { status: 409, meaning: '办件正在等待补正' },
  'not-correcting': { status: 409, meaning: '办件没有待补正的内容' },
  'corrections-not-supplied': { status: 409, meaning: '补正通知书所列内容尚未全部补正' },
  'not-deferrable': { status: 409, meaning: '该材料不可容缺' },
  'not-deferred': { status: 409, meaning: '该材料不在容缺清单中' },
  'not-on-commitment': { status: 409, meaning: '办件不是容缺受理' },
  'deferred-mismatch': { status: 409, meaning: '容缺材料与实际缺少的材料不一致' },
  'invalid-deadline': { status: 409, meaning: '补交期限无效' },
  'nothing-missing': { status: 409, meaning: '没有缺少的材料，无须容缺' },
  'not-required': { status: 409, meaning: '该材料不是必需的' },
  'already-supplied': { status: 409, meaning: '该材料已补交' },
  'waybill-required': { status: 400, meaning: '邮寄送达须填写运单号' },
  'no-result': { status: 400, meaning: '还没有可送达的办理结果' },
  // Department work
  'task-not-claimable': { status: 409, meaning: '子件当前不能认领' },
  'task-not-claimed': { status: 409, meaning: '子件尚未认领' },
  'task-not-claimed-by-you': { status: 409, meaning: '子件由他人认领' },
  'task-already-decided': { status: 409, meaning: '子件已办结' },
  'task-already-dispatched': { status: 409, meaning: '子件已分送' },
  'task-not-decided': { status: 409, meaning: '子件尚未办结' },
  'task-not-open': { status: 409, meaning: '子件当前不在办理中' },
  'task-in-supplement': { status: 409, meaning: '子件正在等待补充材料' },
  'task-stopped': { status: 409, meaning: '子件已终止' },
  'unknown-task': { status: 409, meaning: '没有这个子件' },
  'no-supplement-pending': { status: 409, meaning: '没有待补充的材料' },
  'supplement-needs-materials': { status: 409, meaning: '要求补充材料须列出材料' },
  'invalid-supplement': { status: 400, meaning: '补正要求列出的材料或表单项不属于该事项，或同一项列出两次；details 逐项指出' },
  'supplement-incomplete': { status: 409, meaning: '补正尚未齐全：要求的材料须在要求之后上传、要求说明的情况须作答' },
  'unknown-supplement-entry': { status: 400, meaning: '作答的项目不在补正要求之中' },
  'refusal-needs-reasons': { status: 409, meaning: '不予办理须写明理由' },
  'stop-needs-reason': { status: 409, meaning: '终止须写明理由' },
  'result-required': { status: 409, meaning: '准予办理须出具结果' },
  'reviewer-required': { status: 409, meaning: '须由审批人员办理' },
  'duplicate-number': { status: 409, meaning: '结果文号已被使用' },
  'idempotency-key-reused': { status: 422, meaning: '该 Idempotency-Key 已用于另一个请求' },
  'invalid-tasks': { status: 400, meaning: '所列子件不属于该办件' },
  'held-on-out-of-range': { status: 400, meaning: '日期须在受理日至今天之间' },
  'department-not-involved': { status: 400, meaning: '该部门不参与本件办理' },
  'no-department-system': { status: 409, meaning: '该部门没有登记自建系统' },
  // Hand-off to department systems
  'handoff-malformed': { status: 400, meaning: '跳转令牌格式错误' },
  'handoff-bad-signature': { status: 400, meaning: '跳转令牌签名无效' },
  'handoff-expired': { status: 410, meaning: '跳转链接已过期' },
  'handoff-used': { status: 409, meaning: '跳转令牌已使用过' },
  'handoff-wrong-department': { status: 403, meaning: '跳转令牌不是给本部门的' },
  'presentation-invalid': { status: 400, meaning: '亮证码无效（不完整或被改动）' },
  'presentation-expired': { status: 410, meaning: '亮证码已过期，请持证人重新亮证' },
  // Circulation of materials
  'same-party': { status: 400, meaning: '发送方与接收方相同' },
  'not-a-party': { status: 400, meaning: '接收方不参与本件办理' },
  'already-received': { status: 409, meaning: '已签收' },
  // Ratings and rectification
  'already-rated': { status: 409, meaning: '该件已评价过' },
  'already-replied': { status: 409, meaning: '整改单已答复' },
  'reply-too-short': { status: 400, meaning: '整改答复太短' },
  'reason-required': { status: 400, meaning: '须写明理由' },
  'signer-mismatch': { status: 400, meaning: '承诺人签名与申请人姓名不符' },
  'letter-required': { status: 400, meaning: '窗口签署告知承诺须附签字的承诺书' },
  'letter-not-found': { status: 400, meaning: '承诺书文件不在本件中' },
  'not-committable': { status: 400, meaning: '该材料不能以告知承诺代替' },
  'not-promised': { status: 409, meaning: '该材料没有承诺补交' },
  'commitment-settled': { status: 409, meaning: '该承诺已履行或已逾期' },
  'item-not-in-case': { status: 400, meaning: '本件没有这个事项' },
  'urge-deadline-past': { status: 400, meaning: '督办期限不能早于今天' },
  'urge-answered': { status: 409, meaning: '该督办已答复' },
  'check-done': { status: 409, meaning: '该核查已完成' },
  'case-not-completed': { status: 409, meaning: '办件尚未办结，不能评价办结环节' },
  'note-too-short': { status: 400, meaning: '核实、申诉、审核或回访的说明太短' },
  'already-verified': { status: 409, meaning: '整改单已核实' },
  'appeal-not-allowed': { status: 409, meaning: '该整改单现在不能申诉，或正在申诉中' },
  'not-appealed': { status: 409, meaning: '没有待审核的申诉' },
  'not-replied': { status: 409, meaning: '整改答复后才能回访' },
  'rectification-closed': { status: 409, meaning: '整改单已办结或申诉成立' },
  // Consultations, suggestions and complaints
  'consultation-not-open': { status: 409, meaning: '该咨询投诉已答复或已办结，不能再答复' },
  'consultation-not-answered': { status: 409, meaning: '该咨询投诉尚未答复，或已办结' },
  'reopen-limit': { status: 409, meaning: '答复已退回过，不能再退回' },
  // Fees (收费)
  'fee-not-payable': { status: 409, meaning: '该缴款通知已缴清、已撤销或已退费，不能再缴' },
  'fee-amount-mismatch': { status: 409, meaning: '支付平台通知的金额与缴款通知的应缴金额不一致' },
  'refund-not-pending': { status: 409, meaning: '该退费已办理' },
  // 免申即享
  'offer-state': { status: 409, meaning: '该政策名单当前的状态不能这样办理（已确认、已放弃或已办结）' },
  'objection-closed': { status: 409, meaning: '该名单不在公示中，或异议期已过，不再受理异议' },
  'objection-open': { status: 409, meaning: '还有异议没有处理，处理后才能二次确认' },
  'objection-settled': { status: 409, meaning: '该异议已处理' },
  'publicity-running': { status: 409, meaning: '公示期未满，期满后才能二次确认' },
  'unknown-policy': { status: 400, meaning: '没有这项免申即享政策，或不由本部门负责' },
  // 秒批 / 无感审批
  'auto-decision-not-declared': { status: 409, meaning: '该事项没有声明秒批规则，不能开关秒批' },
  // Reporting upward
  'invalid-period': { status: 400, meaning: '导出或统计的时间范围不对：不是合法的日期或时刻，或起点不早于终点' },
  // The catalogue's life
  'no-catalogue': { status: 409, meaning: '还没有已发布的事项目录' },
  'not-matter-lead': { status: 403, meaning: '不是该一件事的牵头部门' },
  'region-not-served': { status: 403, meaning: '该辖区不在本账号的管辖范围内' },
  'not-draft-editor': { status: 403, meaning: '无权修改该草稿' },
  'import-admin-only': { status: 403, meaning: '只有系统管理员可以导入整套文件' },
  'not-asked': { status: 403, meaning: '该草稿没有征求本部门意见' },
  'not-opinion-officer': { status: 403, meaning: '由部门负责人出具正式意见：本部门的正式意见须由指定角色（默认牵头部门管理人员）提出' },
  'draft-changed': { status: 409, meaning: '草稿已被修改' },
  'draft-locked': { status: 409, meaning: '草稿正在审查或已发布，不能修改' },
  'draft-has-defects': { status: 409, meaning: '草稿还有问题' },
  'matter-has-defects': { status: 409, meaning: '该一件事在草稿中还有问题' },
  'not-in-review': { status: 409, meaning: '草稿不在征求意见中' },
  'opinion-given': { status: 409, meaning: '本轮已提出过意见' },
  'opinions-missing': { status: 409, meaning: '还有部门未同意' },
  'not-approved': { status: 409, meaning: '草稿尚未批准' },
  'no-changes': { status: 409, meaning: '草稿与现行版本没有差异' },
  'change-request-not-open': { status: 409, meaning: '变更申请已办结或已起草' },
  'comment-required': { status: 400, meaning: '不同意时须写明意见' },
  'invalid-document-path': { status: 400, meaning: '文件路径不对' },
  'invalid-files': { status: 400, meaning: '导入的文件不对' },
  'invalid-base-catalogue': { status: 400, meaning: '上级事项目录文件不对' },
  'unknown-region': { status: 400, meaning: '没有这个行政区划' },
  'yaml-syntax': { status: 400, meaning: 'YAML 语法错误' },
  'yaml-or-data': { status: 400, meaning: '请求体须为 { yaml } 或 { data } 之一' },
  'simulation-running': { status: 409, meaning: '另一次模拟申报正在进行，请等它结束' },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

type StatusOf<C extends ErrorCode> = (typeof ERRORS)[C]['status'] extends infer S ? (S extends readonly (infer N)[] ? N : S) : never;
/** The codes that may be answered with status S: `badRequest` takes only codes of 400, and so on. */
export type CodeWithStatus<S extends number> = { [C in ErrorCode]: S extends StatusOf<C> ? C : never }[ErrorCode];

export const statusesOf = (code: ErrorCode): number[] => {
  const s: number | readonly number[] = ERRORS[code].status;
  return typeof s === 'number' ? [s] : [...s];
};

export const ErrorDetail = Type.Object({
  path: Type.String({ description: '出错的位置，如 body.answers.x；空串表示整个请求' }),
  message: Type.String(),
  code: Type.Optional(Type.String()),
});
export type ErrorDetail = Static<typeof ErrorDetail>;

/** Every 4xx and 5xx answer has this shape. */
export const ErrorAnswer = Type.Object({
  code: Type.String({ description: '稳定的错误码，见 docs/errors.md' }),
  message: Type.String({ description: '中文说明' }),
  details: Type.Array(ErrorDetail),
  requestId: Type.String({ description: '本次请求的编号，见服务器日志' }),
});
export type ErrorAnswer = Static<typeof ErrorAnswer>;
